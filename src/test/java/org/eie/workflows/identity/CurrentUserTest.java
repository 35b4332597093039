package org.eie.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who is acting, over the engine's own identity service (its authentication is a per-thread value
 * and needs no engine): a signed-in user, and nobody, which has one answer whatever the engine
 * holds.
 */
@Tag("fast")
class CurrentUserTest {

  private final IdentityServiceImpl identity = new IdentityServiceImpl();
  private final CurrentUser user = new CurrentUser(identity);

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void aSignedInUserIsTheirIdGroupsAndCountries() {
    identity.setAuthentication("lb.unicef", List.of("coleads-LB", "unicef"), List.of("LB"));

    assertThat(user.id()).contains("lb.unicef");
    assertThat(user.recordedId()).isEqualTo("lb.unicef");
    assertThat(user.groups()).containsExactly("coleads-LB", "unicef");
    assertThat(user.tenantIds()).containsExactly("LB");
  }

  @Test
  void nobodyWhenTheEngineActsOnItsOwn() {
    assertNobody();
  }

  @Test
  void nobodyWhenTheEngineHoldsGroupsWithoutAUser() {
    identity.setAuthentication(new Authentication(null, List.of("coleads-LB"), List.of("LB")));

    assertNobody();
  }

  @Test
  void aUserWithoutGroupsOrCountriesHasEmptyLists() {
    identity.setAuthentication(new Authentication("amira", null, null));

    assertThat(user.id()).contains("amira");
    assertThat(user.groups()).isEmpty();
    assertThat(user.tenantIds()).isEmpty();
  }

  @Test
  void theRecordsNobodyIsNamedAsItIsWithoutLookingItUp() {
    assertThat(user.nameOf(CurrentUser.SYSTEM)).isEqualTo("system");
    assertThat(user.nameOf(null)).isNull();
  }

  private void assertNobody() {
    assertThat(user.id()).isEmpty();
    assertThat(user.recordedId()).isEqualTo(CurrentUser.SYSTEM).isEqualTo("system");
    assertThat(user.groups()).isEmpty();
    assertThat(user.tenantIds()).isEmpty();
  }
}
