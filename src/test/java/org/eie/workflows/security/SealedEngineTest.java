package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ways into a signed appeal that the engine's open REST API used to leave, tried as the demo
 * users did: each is refused and the appeal is as it was. (The route census tries every other
 * route the same way.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedEngineTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();
  private Http http;
  private AppealScenario scenario;
  private ProcessInstance appeal;
  private Task saveTheChildrenSignOff;

  @BeforeEach
  void anAppealSignedForUnicef() {
    if (appeal == null) {
      http = new Http(port);
      scenario = new AppealScenario(engine);
      appeal = scenario.signedForUnicef();
      saveTheChildrenSignOff = scenario.task(appeal, "Task_SignOffSaveTheChildren");
    }
  }

  @AfterAll
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void aCoLeadCannotRewriteTheSignedAppealThroughTheOtherSignOffTask() {
    Object trigger = variable("trigger");
    String task = "/engine-rest/task/" + saveTheChildrenSignOff.getId();
    for (String name : List.of("trigger", "language", "country", "signOffs")) {
      var write = http.put(task + "/variables/" + name, "lb.unicef",
          "{\"value\":\"rewritten\",\"type\":\"String\"}");
      assertThat(write.statusCode()).as(name + ": " + write.body()).isEqualTo(403);
    }
    var modify = http.post(task + "/variables", "lb.unicef",
        "{\"modifications\":{\"trigger\":{\"value\":\"rewritten\",\"type\":\"String\"}}}");
    assertThat(modify.statusCode()).isEqualTo(403);
    var complete = http.post(task + "/complete", "lb.savethechildren",
        "{\"variables\":{\"signedOff\":{\"value\":true,\"type\":\"Boolean\"}}}");
    assertThat(complete.statusCode()).isEqualTo(403);

    // Through the form: only the form's own fields; the rest is refused before anything is kept.
    var smuggled = http.post(task + "/submit-form", "lb.savethechildren",
        "{\"variables\":{\"signOffDecision\":{\"value\":\"APPROVE\"},"
            + "\"trigger\":{\"value\":\"rewritten\",\"type\":\"String\"}}}");
    assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
    assertThat(smuggled.body()).contains("trigger").contains("not a field of this form");

    assertThat(variable("trigger")).isEqualTo(trigger);
    assertThat(scenario.task(appeal, "Task_SignOffSaveTheChildren")).isNotNull();
  }

  @Test
  void anAppealStartsOnlyAtItsStart() {
    long before = appeals();
    var skip = http.post("/engine-rest/process-definition/key/emergencyFundingAppeal/start",
        "lb.unicef", "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"Task_DistributeToDonors\"}],\"skipCustomListeners\":true,"
            + "\"variables\":{\"country\":{\"value\":\"LB\",\"type\":\"String\"}}}");
    assertThat(skip.statusCode()).as(skip.body()).isEqualTo(403);
    var restart = http.post("/engine-rest/process-definition/" + appeal.getProcessDefinitionId()
        + "/restart", "gec.unicef", "{\"processInstanceIds\":[\"" + appeal.getId() + "\"],"
        + "\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_DistributeToDonors\"}]}");
    assertThat(restart.statusCode()).isEqualTo(403);
    var modify = http.post("/engine-rest/process-instance/" + appeal.getId() + "/modification",
        "secretariat", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"Task_DistributeToDonors\"}]}");
    assertThat(modify.statusCode()).isEqualTo(403);
    assertThat(appeals()).isEqualTo(before);
    assertThat(engine.getRuntimeService().getActiveActivityIds(appeal.getId()))
        .containsExactly("Task_SignOffSaveTheChildren");
  }

  @Test
  void administratorsModifyOnlyWithAReasonOnRecord() {
    String path = "/engine-rest/process-instance/" + appeal.getId() + "/modification";
    String instructions = "\"instructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"Task_SignOffSaveTheChildren\"}]";
    var unexplained = http.post(path, "admin", "{" + instructions + "}");
    assertThat(unexplained.statusCode()).as(unexplained.body()).isEqualTo(400);
    assertThat(unexplained.body()).contains("annotation");
    assertThat(engine.getRuntimeService().getActiveActivityIds(appeal.getId())).hasSize(1);
  }

  @Test
  void nobodyButAdministratorsCountsAcrossCountries() {
    String definition = appeal.getProcessDefinitionId();
    for (String path : List.of("/history/process-definition/" + definition + "/statistics",
        "/history/process-definition/cleanable-process-instance-report",
        "/metrics/activity-instance-start/sum", "/process-definition/" + definition
            + "/statistics?incidents=true")) {
      for (String user : List.of("lb.unicef", "partner.lb", "facilitator.fr")) {
        int status = http.get("/engine-rest" + path, user).statusCode();
        // Cockpit's own per-definition statistics stay for the co-leads, bounded by the tenant.
        if (path.startsWith("/process-definition/") && user.equals("lb.unicef")) {
          assertThat(status).isEqualTo(200);
        } else {
          assertThat(status).as(user + " " + path).isEqualTo(403);
        }
      }
    }
  }

  @Test
  void theWrongOrganisationCannotHoldASignOff() throws Exception {
    String task = "/engine-rest/task/" + saveTheChildrenSignOff.getId();
    var claim = http.post(task + "/claim", "lb.unicef", "{\"userId\":\"lb.unicef\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(claim.body()).contains("org-save-the-children");
    var assign = http.post(task + "/assignee", "lb.savethechildren",
        "{\"userId\":\"lb.unicef\"}");
    assertThat(assign.statusCode()).as(assign.body()).isEqualTo(403);
    var viaTasklist = WebappSession.login(http, "lb.unicef", "demo").post(
        "/camunda/api/engine/engine/default/task/" + saveTheChildrenSignOff.getId() + "/claim",
        "{\"userId\":\"lb.unicef\"}");
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(403);
    assertThat(json.readTree(http.get(task, "lb.savethechildren").body()).get("assignee").isNull())
        .isTrue();

    var rightPerson = http.post(task + "/claim", "lb.savethechildren",
        "{\"userId\":\"lb.savethechildren\"}");
    assertThat(rightPerson.statusCode()).as(rightPerson.body()).isEqualTo(204);
    var unclaim = http.post(task + "/unclaim", "lb.savethechildren", "{}");
    assertThat(unclaim.statusCode()).isEqualTo(204);
  }

  /** The variable as stored (serialized), so two reads compare equal when nothing changed. */
  private Object variable(String name) {
    var value = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(appeal.getId()).variableName(name).disableCustomObjectDeserialization()
        .singleResult().getTypedValue();
    return value instanceof org.camunda.bpm.engine.variable.value.SerializableValue serialized
        ? serialized.getValueSerialized() : value.getValue();
  }

  private long appeals() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count();
  }
}
