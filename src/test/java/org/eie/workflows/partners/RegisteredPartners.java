package org.eie.workflows.partners;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.eie.workflows.identity.CurrentUser;

/**
 * For tests of other packages: a registered partner organisation with one user attached, as a
 * country's co-leads set it up through the registry's API. Idempotent, so test classes sharing
 * one database may each ask for the same organisation.
 */
public final class RegisteredPartners {

  private RegisteredPartners() {
  }

  /** The organisation (registered once) with {@code userId} created if need be and attached. */
  public static PartnerOrganisation withUser(PartnerRegistry registry, IdentityService identity,
      String country, String name, String acronym, PartnerOrganisationType type, String userId) {
    if (identity.createUserQuery().userId(userId).singleResult() == null) {
      User user = identity.newUser(userId);
      user.setFirstName(acronym);
      user.setLastName("(" + name + ", test)");
      user.setPassword("demo"); // as the demo users', so a browser test can log in
      identity.saveUser(user);
    }
    var input = new PartnerOrganisationInput(country, name, acronym, type.name());
    PartnerOrganisation organisation = registry.find(input.id())
        .orElseGet(() -> registry.register(input, CurrentUser.SYSTEM));
    registry.addMember(organisation, userId, CurrentUser.SYSTEM);
    return organisation;
  }
}
