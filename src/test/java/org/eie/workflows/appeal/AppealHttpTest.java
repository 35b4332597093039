package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.NOW;
import static org.eie.workflows.appeal.AppealScenario.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the appeal's HTTP tests share: a client for the running app, a scenario, the clock, and
 * Tasklist's way of completing a task (its form submitted through the engine's REST API).
 */
abstract class AppealHttpTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ObjectMapper json;

  Http http;
  AppealScenario scenario;

  @BeforeEach
  void setUpClientAndClock() {
    http = new Http(port);
    scenario = new AppealScenario(engine);
    clock(NOW);
  }

  @AfterEach
  void resetUserAndClock() {
    scenario.asSystem();
    ClockUtil.reset();
  }

  /** A Flash Appeal for Lebanon as a co-lead posts it to {@code POST /api/appeals}. */
  ObjectNode triggerBody() {
    ObjectNode body = json.createObjectNode();
    body.put("country", "LB");
    body.put("emergencyType", "Explosion");
    body.put("onset", AppealScenario.ONSET.toString());
    body.putArray("affectedAreas").add("Beirut").add("برج حمود");
    body.put("appealType", "FLASH_APPEAL");
    body.put("situationSummary", "Port explosion; 159 schools damaged.");
    body.put("peopleAffected", 300000);
    return body;
  }

  /** The rapid needs assessment as a co-lead types it into its form. */
  static Map<String, Object> assessmentValues() {
    return new LinkedHashMap<>(Map.of(
        "girlsInNeed", 60000, "boysInNeed", 55000, "withDisabilitiesInNeed", 4000,
        "schoolsDamaged", 159, "schoolsDestroyed", 12, "schoolsUsedAsShelters", 20,
        "teachersAffected", 4000, "assessedAreas", "Beirut\nبرج حمود"));
  }

  /** The response plan's required fields as its form sends them, with the checked activities. */
  static Map<String, Object> planValues(Json priorityActivities) {
    Map<String, Object> plan = new LinkedHashMap<>(Map.of("objectives", "Back to learning",
        "targetGirls", 30000, "targetBoys", 28000, "targetFemaleTeachers", 900,
        "targetMaleTeachers", 600, "targetWithDisabilities", 2000,
        "indicativeRequirementUsd", 5000000, "submissionDeadline",
        AppealScenario.SUBMISSION_DEADLINE.toString()));
    plan.put("priorityActivities", priorityActivities);
    return plan;
  }

  /** A typed JSON value for the engine's REST API, as Tasklist sends a checklist. */
  record Json(String value) {
  }

  /** Finds the user's open task of the appeal and submits its form through the engine's REST API. */
  void submitForm(String user, String appealId, String taskKey, Map<String, Object> values)
      throws IOException {
    var response = trySubmitForm(user, appealId, taskKey, values);
    assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(204);
  }

  /** Submits a form as Tasklist does ({@code POST /task/{id}/submit-form}), typed as it types. */
  HttpResponse<String> trySubmitForm(String user, String appealId, String taskKey,
      Map<String, Object> values) throws IOException {
    return trySubmitRaw(user, appealId, taskKey, submitBody(values));
  }

  /** The body of {@code POST /task/{id}/submit-form}: each value typed as Tasklist types it. */
  String submitBody(Map<String, Object> values) {
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode typed = variables.putObject(name);
      if (value instanceof Json jsonValue) {
        typed.put("value", jsonValue.value());
        typed.put("type", "Json");
      } else {
        typed.set("value", json.valueToTree(value));
      }
    });
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  /** Posts a submit-form body as given to the user's one open task of that key. */
  HttpResponse<String> trySubmitRaw(String user, String appealId, String taskKey, String body)
      throws IOException {
    var found = http.get("/engine-rest/task?processInstanceId=" + appealId
        + "&taskDefinitionKey=" + taskKey, user);
    JsonNode list = json.readTree(found.body());
    assertThat(list.size()).as(taskKey + " visible to " + user + ": " + found.body()).isEqualTo(1);
    return trySubmitRawTo(user, list.get(0).get("id").asText(), body);
  }

  /** Submits the form of the task with that id as the user, typed as Tasklist types it. */
  void submitFormTo(String user, String taskId, Map<String, Object> values) throws IOException {
    var response = trySubmitRawTo(user, taskId, submitBody(values));
    assertThat(response.statusCode()).as(taskId + ": " + response.body()).isEqualTo(204);
  }

  HttpResponse<String> trySubmitRawTo(String user, String taskId, String body) {
    return http.post("/engine-rest/task/" + taskId + "/submit-form", user, body);
  }

  void runJob(String appealId, String activityId) {
    scenario.asSystem();
    var job = engine.getManagementService().createJobQuery().processInstanceId(appealId)
        .activityId(activityId).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
