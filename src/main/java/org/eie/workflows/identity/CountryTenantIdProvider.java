package org.eie.workflows.identity;

import java.util.List;
import org.eie.workflows.forms.InvalidInput;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Puts every process instance that carries a {@code country} variable into that country's tenant,
 * so that only the country's groups (and the Secretariat and global co-leads, members of every
 * tenant) see its tasks, variables, history and documents. Global processes carry no country and
 * stay tenant-less.
 *
 * <p>A user may only start an instance for a country whose tenant they belong to: a Lebanon
 * co-lead cannot create an appeal for Colombia (that appeal would be invisible to its creator and
 * visible to Colombia).
 */
@Component
class CountryTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

  static final String COUNTRY_VARIABLE = "country";

  private final EieProperties properties;
  private CurrentUser user;

  CountryTenantIdProvider(EieProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  /** The engine's plug-ins are built before the engine's beans: this one asks its own engine. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    user = new CurrentUser(configuration.getIdentityService());
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Object country = ctx.getVariables() == null ? null : ctx.getVariables().get(COUNTRY_VARIABLE);
    if (country == null) {
      return ctx.getSuperExecution() == null ? null : ctx.getSuperExecution().getTenantId();
    }
    if (!properties.isCountry(country.toString())) {
      throw new InvalidInput("country", "'" + abbreviated(country) + "' is not a country cluster"
          + " of this installation (known: " + String.join(", ", properties.countries().keySet())
          + ")");
    }
    if (user.id().isPresent() && !user.groups().contains(Groups.ADMINS)
        && !user.tenantIds().contains(country.toString())) {
      throw new AuthorizationException(refusedCountry(country.toString()));
    }
    return country.toString();
  }

  /** Said with the form's label and the countries' names, as the start form's user reads it. */
  private String refusedCountry(String country) {
    List<String> own = user.tenantIds().stream().filter(properties::isCountry)
        .map(code -> properties.countries().get(code)).toList();
    return "Country: " + properties.countries().get(country) + " is not a country cluster you"
        + " belong to; start its appeals from an account of its cluster"
        + (own.isEmpty() ? "" : " (yours: " + String.join(", ", own) + ")");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
