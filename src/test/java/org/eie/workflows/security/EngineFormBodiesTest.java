package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The Json limits on every engine route that writes variables, without an application. */
@Tag("fast")
class EngineFormBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOO_DEEP = JsonLimitsTest.nested(33);
  private static final String DEEP_ENOUGH = JsonLimitsTest.nested(32);

  @Test
  void aJsonValueDeeperThan32LevelsIsRefusedOnEveryRouteThatWritesVariables() throws Exception {
    String variable = json(Map.of("type", "Json", "value", TOO_DEEP));
    String variables = "{\"x\": " + variable + "}";
    String[][] writes = {
        {"PUT", "/engine-rest/process-instance/p1/variables/x", variable},
        {"PUT", "/engine-rest/task/t1/localVariables/x", variable},
        {"PUT", "/engine-rest/execution/e1/localVariables/x", variable},
        {"POST", "/engine-rest/process-instance/p1/variables", "{\"modifications\": " + variables + "}"},
        {"POST", "/engine-rest/task/t1/localVariables", "{\"modifications\": " + variables + "}"},
        {"POST", "/engine-rest/task/t1/complete", "{\"variables\": " + variables + "}"},
        {"POST", "/engine-rest/task/t1/resolve", "{\"variables\": " + variables + "}"},
        {"POST", "/engine-rest/task/t1/submit-form", "{\"variables\": " + variables + "}"},
        {"POST", "/engine-rest/message", "{\"messageName\": \"m\", \"processVariables\": "
            + variables + "}"},
        {"POST", "/engine-rest/message", "{\"messageName\": \"m\", \"processVariablesLocal\": "
            + variables + "}"},
        {"POST", "/engine-rest/signal", "{\"name\": \"s\", \"variables\": " + variables + "}"},
        {"POST", "/engine-rest/process-instance/p1/modification", "{\"instructions\": [{\"type\":"
            + " \"startBeforeActivity\", \"activityId\": \"a\", \"variables\": " + variables + "}]}"},
        {"POST", "/engine-rest/process-definition/key/k/start", "{\"variables\": " + variables + "}"},
        {"POST", "/engine-rest/process-definition/key/k/start", "{\"startInstructions\": [{\"type\":"
            + " \"startBeforeActivity\", \"activityId\": \"a\", \"variables\": " + variables + "}]}"},
        {"POST", "/engine-rest/engine/default/external-task/x1/complete", "{\"workerId\": \"w\","
            + " \"variables\": " + variables + "}"},
        {"POST", "/camunda/api/engine/engine/default/process-instance/p1/variables",
            "{\"modifications\": " + variables + "}"},
    };
    for (String[] write : writes) {
      MockHttpServletResponse refused = send(write[0], write[1], write[2]);
      assertThat(refused.getStatus()).as(write[0] + " " + write[1]).isEqualTo(400);
      assertThat(JSON.readTree(refused.getContentAsString()).get("type").asText())
          .isEqualTo("InvalidRequestException");
      assertThat(refused.getContentAsString()).contains("x: a Json value nests at most 32 levels");

      String allowed = write[2].replace(json(TOO_DEEP), json(DEEP_ENOUGH));
      assertThat(send(write[0], write[1], allowed).getStatus()).as(write[1]).isEqualTo(200);
    }
  }

  @Test
  void aJsonValueLargerThanTheLimitOrNotJsonIsRefused() throws Exception {
    String large = "[" + "1,".repeat(EngineFormBodies.MAX_JSON_CHARS / 2) + "1]";
    var refused = send("PUT", "/engine-rest/process-instance/p1/variables/big",
        json(Map.of("type", "json", "value", large)));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("big: a Json value has at most 500000");

    var notJson = send("POST", "/engine-rest/signal",
        "{\"name\": \"s\", \"variables\": {\"y\": {\"type\": \"Json\", \"value\": \"{oops\"}}}");
    assertThat(notJson.getStatus()).isEqualTo(400);
    assertThat(notJson.getContentAsString()).contains("y: is not valid JSON");
  }

  @Test
  void aBodyNestedDeeperThan64LevelsIsRefusedAndOtherRequestsPass() throws Exception {
    var deepBody = send("POST", "/engine-rest/process-instance/p1/variables",
        "{\"modifications\": {\"u\": {\"value\": " + JsonLimitsTest.nested(70) + "}}}");
    assertThat(deepBody.getStatus()).isEqualTo(400);
    assertThat(deepBody.getContentAsString()).contains("64 levels");

    assertThat(send("GET", "/engine-rest/process-instance/p1/variables", "").getStatus())
        .isEqualTo(200);
    // Not JSON on a route that is not a form: the engine answers it as it answers any such body.
    assertThat(send("POST", "/engine-rest/task/t1/claim", "not json").getStatus()).isEqualTo(200);
    assertThat(send("POST", "/api/appeals", variableOf(TOO_DEEP)).getStatus()).isEqualTo(200);
  }

  private static String variableOf(String value) throws Exception {
    return json(Map.of("type", "Json", "value", value));
  }

  private static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  private static MockHttpServletResponse send(String method, String path, String body)
      throws Exception {
    var request = new MockHttpServletRequest(method, path);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    var response = new MockHttpServletResponse();
    new EngineFormBodies().doFilter(request, response, new MockFilterChain());
    return response;
  }
}
