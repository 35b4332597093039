package org.eie.workflows.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eie.workflows.security.oidc.OidcProperties.Mapping;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mapping table: only its rows give groups, whatever a provider's claims are called. */
@Tag("fast")
class ClaimMappingTest {

  private static final List<Mapping> TABLE = List.of(
      new Mapping("groups", "lebanon-coleads", List.of("coleads-LB")),
      new Mapping("roles", "EiE.Secretariat", List.of("inee-secretariat")),
      new Mapping("realm_access.roles", "eie-admin", List.of("camunda-admin")));

  @Test
  void rowsMatchAValueOrAnElementOfAListAndNestedClaims() {
    assertThat(ClaimMapping.groupsOf(Map.of("groups", List.of("lebanon-coleads", "x"),
        "roles", "EiE.Secretariat", "realm_access", Map.of("roles", List.of("eie-admin"))), TABLE))
        .containsExactly("camunda-admin", "coleads-LB", "inee-secretariat");
  }

  @Test
  void claimsTheTableDoesNotNameGiveNothingNotEvenWhenTheyLookLikeOurGroups() {
    assertThat(ClaimMapping.groupsOf(Map.of("groups", List.of("camunda-admin", "coleads-CO",
        "Lebanon-Coleads"), "roles", List.of("admin"), "camunda-admin", true), TABLE)).isEmpty();
    assertThat(ClaimMapping.groupsOf(Map.of("realm_access", "eie-admin"), TABLE)).isEmpty();
  }

  @Test
  void onlyOurGroupsOfConfiguredCountriesMayBeMappedTo() {
    var countries = List.of("LB", "CO");
    assertThat(List.of("coleads-LB", "partners-CO", "partner-LB-lea", "language-ar",
        "gec-global-coleads", "inee-secretariat", "inee-steering-group",
        "inee-standards-practice-wg", "org-unicef", "camunda-admin"))
        .allMatch(group -> ClaimMapping.isOurs(group, countries));
    assertThat(List.of("coleads-SY", "colead-LB", "coleads-lb", "partner-SY-x", "language-de",
        "admins", "")).noneMatch(group -> ClaimMapping.isOurs(group, countries));
  }
}
