package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class SecurityTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;
  @Autowired
  ObjectMapper json;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void healthAndEngineListAnswerWithoutCredentials() {
    assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/health", null).body()).contains("\"UP\"");
    assertThat(http.get("/engine-rest/engine", null).statusCode()).isEqualTo(200);
  }

  @Test
  void restApiRequiresCredentials() {
    assertThat(http.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-instance", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/appeals", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", "lb.unicef").statusCode()).isEqualTo(200);
  }

  @Test
  void otherActuatorEndpointsAreClosed() {
    assertThat(http.get("/actuator/env", null).statusCode()).isIn(401, 403, 404);
    assertThat(http.get("/actuator/beans", "admin").statusCode()).isIn(401, 403, 404);
  }

  @Test
  void wrongPasswordIsRefused() {
    var response = http.send(http.request("/engine-rest/task", null)
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("steering:wrong".getBytes(StandardCharsets.UTF_8))));
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void firstRunSetupCreatesNoAdministratorEvenWithoutDirectAdminMembers() {
    identity.deleteMembership("admin", "camunda-admin");
    try {
      var response = http.post("/camunda/api/admin/setup/default/user/create", null,
          "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\",\"email\":\"i@x.org\"},"
              + "\"credentials\":{\"password\":\"intruder-password-1\"}}");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
    } finally {
      identity.createMembership("admin", "camunda-admin");
    }
  }

  @Test
  void coLeadSeesTheReadyMadeFiltersOfTheirCountryOnly() throws Exception {
    var names = filterNames(http.get("/engine-rest/filter", "lb.unicef").body());
    assertThat(names).contains("My country's tasks: Lebanon", "Assigned to me", "Due soon")
        .doesNotContain("My country's tasks: Colombia");
    assertThat(filterNames(http.get("/engine-rest/filter", "secretariat").body()))
        .contains("My group's tasks", "Assigned to me", "Due soon");
  }

  @Test
  void coLeadCannotCreateFilters() {
    var response = http.post("/engine-rest/filter/create", "lb.unicef",
        "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(filters.createFilterQuery().filterName("mine").count()).isZero();
  }

  @Test
  void coLeadTaskQueryWithExpressionIsRefused() {
    String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);
    assertThat(http.get("/engine-rest/task?assigneeExpression=" + expression, "lb.unicef")
        .statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task", "lb.unicef",
        "{\"candidateGroupsExpression\":\"#{currentUserGroups()}\"}").statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task", "lb.unicef", "{\"candidateGroup\":\"coleads-LB\"}")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void coLeadCannotSmuggleAnExpressionIntoAStoredFilter() {
    String filterId = filters.createFilterQuery().filterName("Assigned to me").singleResult()
        .getId();
    assertThat(http.post("/engine-rest/filter/" + filterId + "/list", "lb.unicef",
        "{\"assigneeExpression\":\"${'x'.getClass()}\"}").statusCode()).isEqualTo(403);
    assertThat(http.put("/engine-rest/filter/" + filterId, "lb.unicef",
        "{\"resourceType\":\"Task\",\"name\":\"Assigned to me\",\"query\":{}}").statusCode())
        .isIn(403);
    // The stored filter itself, expressions included, still works for the co-lead.
    assertThat(http.post("/engine-rest/filter/" + filterId + "/list", "lb.unicef", "{}")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void administratorMayQueryWithExpressions() {
    String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);
    assertThat(http.get("/engine-rest/task?assigneeExpression=" + expression, "admin")
        .statusCode()).isNotEqualTo(403);
  }

  @Test
  void webappSessionOfACoLeadCannotRunExpressions() {
    var session = WebappSession.login(http, "lb.unicef", "demo");
    String filterId = filters.createFilterQuery().filterName("Due soon").singleResult().getId();
    String path = "/camunda/api/engine/engine/default/filter/" + filterId + "/list";
    var allowed = session.post(path, "{}");
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    assertThat(session.post(path, "{\"assigneeExpression\":\"${currentUser()}\"}").statusCode())
        .isEqualTo(403);
  }

  private List<String> filterNames(String body) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode filter : json.readTree(body)) {
      names.add(filter.get("name").asText());
    }
    return names;
  }
}
