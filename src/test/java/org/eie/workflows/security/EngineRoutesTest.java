package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.security.EngineRoutes.Role.COUNTRY_CO_LEAD;
import static org.eie.workflows.security.EngineRoutes.Role.PARTNER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eie.workflows.security.EngineRoutes.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The allow-list as a table: how a path finds its route, and the documentation's copy of it. */
@Tag("fast")
class EngineRoutesTest {

  @Test
  void anEngineWordIsNeverTakenForAnId() {
    Set<Role> partner = EnumSet.of(PARTNER);
    assertThat(EngineRoutes.allows(partner, "GET", "/process-definition/abc")).isTrue();
    assertThat(EngineRoutes.allows(partner, "GET", "/process-definition/statistics")).isFalse();
    assertThat(EngineRoutes.allows(partner, "GET", "/task/abc/form-variables")).isTrue();
    assertThat(EngineRoutes.allows(partner, "PUT", "/task/abc/variables/trigger")).isFalse();
    assertThat(EngineRoutes.allows(partner, "POST", "/task/abc/complete")).isFalse();
    assertThat(EngineRoutes.allows(EnumSet.of(COUNTRY_CO_LEAD), "GET",
        "/history/process-definition/abc/statistics")).isFalse();
  }

  @Test
  void bothEngineApisNameTheSameRoute() {
    assertThat(EngineRouteWall.routeOf("/engine-rest/task/abc/claim")).isEqualTo("/task/abc/claim");
    assertThat(EngineRouteWall.routeOf("/engine-rest/engine/default/task/abc/claim/"))
        .isEqualTo("/task/abc/claim");
    assertThat(EngineRouteWall.routeOf("/camunda/api/engine/engine/default/task/abc/claim"))
        .isEqualTo("/task/abc/claim");
    assertThat(EngineRouteWall.routeOf("/engine-rest/engine")).isEqualTo("/engine");
    assertThat(EngineRouteWall.routeOf("/camunda/api/engine/engine/")).isEqualTo("/engine");
  }

  /**
   * The words the engine's own routes put where another route has an id, from Camunda's OpenAPI
   * description: every one is known to the list, so no id parameter can stand for it.
   */
  @Test
  void everyWordOfTheEngineBesideAnIdIsKnown() throws IOException {
    List<String[]> templates = RouteCensusTest.operations().stream()
        .map(operation -> operation.template().substring(1).split("/")).toList();
    Set<String> words = new TreeSet<>();
    for (String[] a : templates) {
      for (String[] b : templates) {
        if (a.length != b.length) {
          continue;
        }
        for (int i = 0; i < a.length; i++) {
          if (!compatible(a[i], b[i])) {
            break;
          }
          if (a[i].startsWith("{") && !b[i].startsWith("{")) {
            words.add(b[i]);
          }
        }
      }
    }
    assertThat(EngineRoutes.ENGINE_WORDS).containsAll(words);
  }

  private static boolean compatible(String a, String b) {
    return a.equals(b) || a.startsWith("{") || b.startsWith("{");
  }

  /** The documentation's role table of engine routes (docs/access.md) is this list, written out. */
  @Test
  void readmeListsWhatEachRoleMayCall() throws IOException {
    String readme = Files.readString(Path.of("docs/access.md"));
    String table = markdown();
    assertThat(readme).as("docs/access.md should hold, between the engine-routes markers:\n" + table)
        .contains("<!-- engine-routes:start -->\n" + table + "<!-- engine-routes:end -->");
  }

  /** The list as docs/access.md's table: one row per route, a column per role. */
  static String markdown() {
    StringBuilder table = new StringBuilder("| route | "
        + Arrays.stream(Role.values()).map(EngineRoutesTest::label).collect(Collectors.joining(" | "))
        + " |\n|---|" + "---|".repeat(Role.values().length) + "\n");
    for (EngineRoutes.Route route : EngineRoutes.all()) {
      table.append("| `").append(route.method()).append(' ').append(route.template()).append("` |");
      for (Role role : Role.values()) {
        table.append(route.roles().contains(role) ? " yes |" : " |");
      }
      table.append('\n');
    }
    return table.toString();
  }

  private static String label(Role role) {
    return switch (role) {
      case COUNTRY_CO_LEAD -> "country co-lead";
      case GLOBAL_CO_LEAD -> "global co-lead";
      case SECRETARIAT -> "Secretariat";
      case PARTNER -> "partner";
      case LANGUAGE_COMMUNITY -> "Language Community";
      case HUMANITARIAN_COORDINATOR -> "HC's office";
      case WORKING_GROUP -> "Steering / Standards WG";
    };
  }
}
