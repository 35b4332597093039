package org.eie.workflows.donors;

import org.eie.workflows.forms.Forbidden;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.eie.workflows.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may work with donors: the INEE Secretariat and the co-leads (global and country), plus
 * administrators. Donor contacts are personal data: partners, working groups and the rest get 403.
 */
@Component
class DonorAccess {

  private final IdentityService identity;

  DonorAccess(IdentityService identity) {
    this.identity = identity;
  }

  /** The current user's id, or 403 if their role may not manage donors. */
  String requireDonorManager() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new Forbidden("Only the INEE Secretariat and the co-leads manage donors");
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean allowed = groups.stream().anyMatch(group -> group.equals(Groups.SECRETARIAT)
        || group.equals(Groups.GLOBAL_CO_LEADS) || group.equals(Groups.ADMINS)
        || group.startsWith(Groups.coLeadsOf("")));
    if (!allowed) {
      throw new Forbidden("Only the INEE Secretariat and the co-leads manage donors");
    }
    return user.getUserId();
  }

  /**
   * Whether the current user may see what happened in a country: the Secretariat, global
   * co-leads and administrators everywhere, a country's co-leads in their country.
   */
  boolean seesCountry(String country) {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of()
        : user.getGroupIds();
    return groups.contains(Groups.SECRETARIAT) || groups.contains(Groups.GLOBAL_CO_LEADS)
        || groups.contains(Groups.ADMINS) || groups.contains(Groups.coLeadsOf(country));
  }
}
