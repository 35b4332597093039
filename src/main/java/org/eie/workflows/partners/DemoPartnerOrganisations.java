package org.eie.workflows.partners;

import java.util.List;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * In demo mode only: the demo partner users' organisations, registered and with their users
 * attached. Runs after the identity model ({@code identity/AccessModel}) has created the country
 * groups and the demo users; idempotent, like it.
 */
@Component
@DependsOn("accessModel")
@DependsOnDatabaseInitialization
class DemoPartnerOrganisations implements InitializingBean {

  record DemoOrganisation(String country, String name, String acronym,
      PartnerOrganisationType type, String user) {
  }

  static final List<DemoOrganisation> ALL = List.of(
      new DemoOrganisation("LB", "Lebanese Education Association", "LEA",
          PartnerOrganisationType.NATIONAL_NGO, "partner.lb"),
      new DemoOrganisation("LB", "Norwegian Refugee Council", "NRC",
          PartnerOrganisationType.INTERNATIONAL_NGO, "partner2.lb"),
      new DemoOrganisation("CO", "Corporación Educación sin Fronteras", "CESF",
          PartnerOrganisationType.NATIONAL_NGO, "partner.co"));

  private static final Logger LOG = LoggerFactory.getLogger(DemoPartnerOrganisations.class);

  private final PartnerRegistry registry;
  private final EieProperties properties;

  DemoPartnerOrganisations(PartnerRegistry registry, EieProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    if (!properties.demo()) {
      return;
    }
    for (DemoOrganisation demo : ALL) {
      if (!properties.isCountry(demo.country())) {
        continue;
      }
      var input = new PartnerOrganisationInput(demo.country(), demo.name(), demo.acronym(),
          demo.type().name());
      PartnerOrganisation organisation = registry.find(input.id()).orElseGet(
          () -> registry.register(input, CurrentUser.SYSTEM));
      registry.addMember(organisation, demo.user(), CurrentUser.SYSTEM);
    }
    LOG.info("Demo mode: {} partner organisations with their users.", ALL.size());
  }
}
