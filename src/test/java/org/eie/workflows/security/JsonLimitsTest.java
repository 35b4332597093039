package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Json values nested 10,000 deep: refused when written over HTTP, even by an administrator; and
 * when one is already stored (written through the Java API), the engine's variable reads still
 * answer.
 */
class JsonLimitsTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Http http;
  AppealScenario scenario;

  @BeforeEach
  void setUp() {
    AppealScenario.clock(AppealScenario.NOW);
    http = new Http(port);
    scenario = new AppealScenario(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void anAdministratorCannotWriteAJsonValueTenThousandDeep() throws Exception {
    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    var response = http.put("/engine-rest/process-instance/" + appeal.getId() + "/variables/x",
        "admin", JSON.writeValueAsString(java.util.Map.of("type", "Json",
            "value", nested(10_000))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(error.get("message").asText()).contains("x", "32");
    assertThat(engine.getRuntimeService().getVariable(appeal.getId(), "x")).isNull();

    var shallow = http.put("/engine-rest/process-instance/" + appeal.getId() + "/variables/x",
        "admin", JSON.writeValueAsString(java.util.Map.of("type", "Json",
            "value", nested(32))));
    assertThat(shallow.statusCode()).as(shallow.body()).isEqualTo(204);
  }

  @Test
  void aDeepJsonValueAlreadyStoredLeavesTheVariableReadsAnswering() throws Exception {
    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    engine.getRuntimeService().setVariable(appeal.getId(), "deep",
        SpinValues.jsonValue(nested(10_000)).create());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(appeal.getId())
        .taskDefinitionKey("Task_ConfirmActivation").singleResult();

    for (String path : new String[] {
        "/engine-rest/process-instance/" + appeal.getId() + "/variables",
        "/engine-rest/process-instance/" + appeal.getId() + "/variables/deep",
        "/engine-rest/task/" + task.getId() + "/variables",
        "/engine-rest/task/" + task.getId() + "/form-variables"}) {
      for (String user : new String[] {"admin", "lb.unicef"}) {
        if (user.equals("lb.unicef") && path.contains("process-instance")) {
          continue;
        }
        var response = http.get(path, user);
        assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body())
            .isLessThan(500);
      }
    }
    var variables = http.get("/engine-rest/task/" + task.getId() + "/variables", "lb.unicef");
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    JsonNode all = JSON.readTree(variables.body());
    assertThat(all.at("/country/value").asText()).isEqualTo("LB");
    assertThat(all.has("deep")).isTrue();
  }
}
