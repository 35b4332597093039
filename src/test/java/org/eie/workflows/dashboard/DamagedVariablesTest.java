package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Variables of an appeal damaged through the engine's Java API (an administrator, an old version,
 * a client that wrote what it should not): every read answers with what it can read and names
 * the fields it could not, as the Secretariat and as the country's co-lead.
 */
class DamagedVariablesTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READERS = List.of("secretariat", "lb.unicef");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Http http;
  AppealScenario scenario;
  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    AppealScenario.clock(AppealScenario.NOW);
    http = new Http(port);
    scenario = new AppealScenario(engine);
    runtime = engine.getRuntimeService();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTotalRequirementThatIsNotANumberLeavesEveryReadWhole() throws Exception {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    runtime.setVariable(appeal.getId(), "totalRequirement", "not-a-number");
    runtime.setVariable(appeal.getId(), "requirementsByActivity", "{not json");

    for (String reader : READERS) {
      JsonNode detail = json(http.get("/api/appeals/" + appeal.getId(), reader));
      assertThat(detail.at("/appeal/country").asText()).isEqualTo("LB");
      assertThat(detail.at("/appeal/emergencyType").asText()).isEqualTo("Explosion");
      // The appeal's figures are its consolidation's: loose variables beside it change nothing.
      assertThat(strings(detail.get("damaged"))).isEmpty();
      JsonNode coverage = json(http.get("/api/appeal-coverage/" + appeal.getId(), reader));
      assertThat(coverage.get("appealId").asText()).isEqualTo(appeal.getId());
      assertThat(coverage.hasNonNull("requiredUsd")).isFalse();
    }
  }

  @Test
  void damagedFieldsAreNamedAndTheRestIsRead() throws Exception {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String id = appeal.getId();
    runtime.setVariable(id, "appealType", 42L); // wrong type
    runtime.setVariable(id, "submissionDeadline", "soon"); // not a date
    runtime.setVariable(id, "consolidation", SpinValues.jsonValue("{\"totalUsd\": \"lots\", "
        + "\"byActivity\": 3}").create()); // JSON of the wrong shape
    runtime.setVariable(id, "trigger", SpinValues.jsonValue("{\"emergencyType\": ").create());

    for (String reader : READERS) {
      JsonNode detail = json(http.get("/api/appeals/" + id, reader));
      assertThat(detail.at("/appeal/country").asText()).isEqualTo("LB");
      assertThat(detail.at("/appeal/businessKey").asText()).isEqualTo(appeal.getBusinessKey());
      assertThat(detail.at("/appeal/status").asText()).isEqualTo("OPEN");
      assertThat(names(detail.at("/appeal/deadlines"), "name")).contains("assessment",
          "publication");
      assertThat(detail.get("timeline").size()).isPositive();
      assertThat(strings(detail.get("damaged"))).containsExactlyInAnyOrder("appealType",
          "consolidation", "submissionDeadline", "trigger");
      assertThat(strings(detail.at("/appeal/damaged"))).contains("appealType", "consolidation",
          "trigger");

      JsonNode coverage = json(http.get("/api/appeal-coverage/" + id, reader));
      assertThat(coverage.get("fundedUsd").decimalValue()).isZero();
      assertThat(coverage.hasNonNull("requiredUsd")).isFalse();
      assertThat(strings(coverage.get("damaged"))).containsExactly("consolidation");

      JsonNode page = json(http.get("/api/appeals?country=LB&size=200", reader));
      JsonNode item = null;
      for (JsonNode candidate : page.get("items")) {
        if (candidate.get("id").asText().equals(id)) {
          item = candidate;
        }
      }
      assertThat(item).as("the damaged appeal is listed").isNotNull();
      assertThat(strings(item.get("damaged"))).contains("appealType", "submissionDeadline");

      var csv = http.get("/api/exports/appeals.csv", reader);
      assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
      assertThat(csv.body()).contains(appeal.getBusinessKey());

      var page2 = dashboard(reader, "/dashboard/appeals/" + id);
      assertThat(page2.statusCode()).as(page2.body()).isEqualTo(200);
      assertThat(page2.body()).contains(appeal.getBusinessKey(), "consolidation", "appealType");
      var overview = dashboard(reader, "/dashboard");
      assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
    }
  }

  @Test
  void unparsableProjectsLeaveTheRequirementsExportWhole() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    runtime.setVariable(appeal.getId(), "projects", SpinValues.jsonValue("[{\"title\": 7, ")
        .create());
    var csv = http.get("/api/exports/appeal-requirements.csv", "secretariat");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
  }

  /** The dashboard's own login (form, session, CSRF), then the page. */
  private HttpResponse<String> dashboard(String user, String path) throws Exception {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    var login = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"").matcher(login.body());
    assertThat(csrf.find()).as(login.body()).isTrue();
    var loggedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
            + csrf.group(2))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    if (list != null) {
      list.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  private static List<String> names(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(value -> values.add(value.path(field).asText()));
    return values;
  }
}
