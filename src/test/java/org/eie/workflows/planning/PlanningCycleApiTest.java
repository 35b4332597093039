package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/planning-cycles} and the document endpoint, called as the demo users would. */
class PlanningCycleApiTest extends PostgresApplicationTest {

  static final String CYCLES = "/api/planning-cycles";
  /** Years no other planning test uses, so the running-cycle check sees only this class's cycles. */
  static final int YEAR = 2033;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired ObjectMapper json;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void cleanUp() {
    for (int year : new int[] {YEAR, YEAR + 1}) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(PlanningCycles.businessKey(year))
          .list().forEach(i -> runtime.deleteProcessInstance(i.getId(), "test finished"));
    }
  }

  @Test
  void secretariatStartsACycleThatOpensWithTheReviewOfThePreviousOne() throws Exception {
    var response = http.post(CYCLES, "secretariat", "{\"firstYear\": " + YEAR + "}");
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String id = body.get("id").asText();
    assertThat(body.get("cycle").asText()).isEqualTo(YEAR + "-" + (YEAR + 2));
    assertThat(response.headers().firstValue("Location")).hasValue(CYCLES + "/" + id);

    var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReviewPreviousCycle");
    // The Secretariat and the GEC Unit see the review in their Tasklist; a country partner does not.
    var visible = http.get("/engine-rest/task?processInstanceId=" + id, "gec.unicef");
    assertThat(json.readTree(visible.body())).hasSize(1);
    assertThat(json.readTree(http.get("/engine-rest/task?processInstanceId=" + id, "partner.lb").body()))
        .isEmpty();
    assertThat(runtime.getVariable(id, "previousEvaluationText").toString()).contains("first cycle");
    // Until the cycle finishes there is no document.
    assertThat(http.getBytes(CYCLES + "/" + id + "/document", "secretariat").statusCode()).isEqualTo(404);
  }

  @Test
  void secondRunningCycleForTheSameYearsIsAConflict() throws Exception {
    assertThat(http.post(CYCLES, "secretariat", "{\"firstYear\": " + (YEAR + 1) + "}").statusCode())
        .isEqualTo(201);
    var again = http.post(CYCLES, "gec.unicef", "{\"firstYear\": " + (YEAR + 1) + "}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).at("/errors/0/field").asText()).isEqualTo("firstYear");
    assertThat(json.readTree(again.body()).at("/detail").asText())
        .isEqualTo("First year of the plan: a planning cycle for " + (YEAR + 1) + "-" + (YEAR + 3)
            + " is already running");
    assertThat(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(PlanningCycles.businessKey(YEAR + 1)).count()).isEqualTo(1);
  }

  @Test
  void missingOrImpossibleFieldsAre400sNamingTheFieldAndStartNothing() throws Exception {
    long before = cycles();
    assertError(http.post(CYCLES, "secretariat", "{}"), "firstYear", "required");
    assertError(http.post(CYCLES, "secretariat", "{\"firstYear\": 1999}"), "firstYear", "between");
    assertError(http.post(CYCLES, "secretariat", "{\"firstYear\": 2100}"), "firstYear", "between");
    assertError(http.post(CYCLES, "secretariat", "{\"firstYear\": \"soon\"}"), "firstYear", "wrong type");
    assertError(http.post(CYCLES, "secretariat", "{\"firstYear\": " + YEAR + ", \"documentLanguage\": \"de\"}"),
        "documentLanguage", "en or fr");
    assertError(http.post(CYCLES, "secretariat", "not json"), "body", "JSON");
    assertThat(cycles()).isEqualTo(before);
  }

  @Test
  void onlyThePlanningRolesMayStartACycle() throws Exception {
    long before = cycles();
    assertThat(http.post(CYCLES, null, "{\"firstYear\": " + YEAR + "}").statusCode()).isEqualTo(401);
    assertThat(http.post(CYCLES, "partner.lb", "{\"firstYear\": " + YEAR + "}").statusCode()).isEqualTo(403);
    assertThat(http.post(CYCLES, "facilitator.ar", "{\"firstYear\": " + YEAR + "}").statusCode()).isEqualTo(403);
    assertThat(cycles()).isEqualTo(before);
  }

  @Test
  void documentOfAnUnknownCycleIsNotFound() {
    assertThat(http.getBytes(CYCLES + "/no-such-cycle/document", "secretariat").statusCode()).isEqualTo(404);
  }

  @Test
  void tasklistOffersAStartFormAskingForTheFirstYear() throws Exception {
    var definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(Processes.PLANNING).latestVersion().singleResult();
    try (var form = forms.getDeployedStartForm(definition.getId())) {
      String schema = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json.readTree(schema).get("schemaVersion").asInt()).isEqualTo(16);
      assertThat(schema).contains("\"key\": \"firstYear\"");
    }
  }

  private long cycles() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Processes.PLANNING).count();
  }

  private void assertError(java.net.http.HttpResponse<String> response, String field, String text)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).at("/errors/0");
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(text);
  }
}
