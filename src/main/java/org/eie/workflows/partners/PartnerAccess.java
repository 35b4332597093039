package org.eie.workflows.partners;

import org.eie.workflows.forms.Forbidden;
import java.util.Set;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who manages which country's partner organisations (registers them, attaches their users, sees
 * them): administrators, the INEE Secretariat and the global co-leads every country, a country's
 * co-leads their own ({@link Groups#countriesCoordinatedBy}, the rule donors follow too).
 * Partners and every other role get 403. Whom an organisation may take as a member is the
 * registry's rule ({@link PartnerRegistry#addMember}).
 */
@Component
class PartnerAccess {

  private final CurrentUser user;
  private final EieProperties properties;

  PartnerAccess(CurrentUser user, EieProperties properties) {
    this.user = user;
    this.properties = properties;
  }

  /** The calling user's id, or 403 if they manage no country's partner organisations. */
  String requireManager() {
    return user.id().filter(id -> !managedCountries().isEmpty())
        .orElseThrow(() -> new Forbidden("Only the country's co-leads, the INEE Secretariat, the"
            + " global co-leads and administrators manage partner organisations"));
  }

  /** 403 unless the caller manages this country's partner organisations. */
  void requireManagerOf(String country) {
    requireManager();
    if (!managedCountries().contains(country)) {
      throw new Forbidden("Only the co-leads of " + country + ", the INEE Secretariat"
          + " and the global co-leads register partner organisations of " + country);
    }
  }

  /** The countries whose partner organisations the caller manages (and sees). */
  Set<String> managedCountries() {
    return Groups.countriesCoordinatedBy(user.groups(), properties.countries().keySet());
  }
}
