package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.security.AuthorizationMatrixTest.Answer.FORBIDDEN;
import static org.eie.workflows.security.AuthorizationMatrixTest.Answer.NOT_FOUND;
import static org.eie.workflows.security.AuthorizationMatrixTest.Answer.OK;
import static org.eie.workflows.security.AuthorizationMatrixTest.Answer.UNAUTHENTICATED;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.eie.workflows.documents.DocumentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what with a running appeal through the engine's own APIs, as one table: each role
 * against a Lebanon appeal waiting for the UNICEF sign-off and a Colombia appeal waiting for its
 * needs assessment, for each family of calls (read, write, execute, modify), through the Camunda
 * REST API (HTTP Basic) and through the webapps' engine API (session cookie). Nobody but
 * administrators writes variables, runs jobs or modifies instances there; another country's
 * appeal answers 404, as an unknown id does. What a role really needs goes through our API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends PostgresApplicationTest {

  /** What a user notices: the call worked, was refused, or the appeal does not exist for them. */
  enum Answer {
    OK(Set.of(200, 204)), FORBIDDEN(Set.of(403)), NOT_FOUND(Set.of(404)),
    UNAUTHENTICATED(Set.of(401));

    final Set<Integer> statuses;

    Answer(Set<Integer> statuses) {
      this.statuses = statuses;
    }
  }

  enum Family { READ, WRITE, EXECUTE, MODIFY }

  /** One role's answers: per family, for the Lebanon appeal and for the Colombia appeal. */
  record Row(String user, String tenants, Answer readLb, Answer readCo, Answer changeLb,
      Answer changeCo) {

    Answer expected(Family family, String country) {
      boolean lebanon = "LB".equals(country);
      if (family == Family.READ) {
        return lebanon ? readLb : readCo;
      }
      return lebanon ? changeLb : changeCo;
    }
  }

  /**
   * The matrix. "change" is write, execute and modify alike: no role but the administrators may
   * call those routes at all (the engine API's allow-list answers 403 whichever appeal is named,
   * so another country's id and an unknown id still answer alike); reading is open to the roles
   * that follow appeals in Cockpit, bounded by the tenant (another country's appeal: 404).
   */
  static final List<Row> MATRIX = List.of(
      //      user                  tenants     read LB    read CO    change LB  change CO
      new Row("lb.unicef",          "LB",       OK,        NOT_FOUND, FORBIDDEN, FORBIDDEN),
      new Row("lb.savethechildren", "LB",       OK,        NOT_FOUND, FORBIDDEN, FORBIDDEN),
      new Row("co.unicef",          "CO",       NOT_FOUND, OK,        FORBIDDEN, FORBIDDEN),
      new Row("partner.lb",         "LB",       FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
      new Row("partner2.lb",        "LB",       FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
      new Row("gec.unicef",         "every",    OK,        OK,        FORBIDDEN, FORBIDDEN),
      new Row("secretariat",        "every",    OK,        OK,        FORBIDDEN, FORBIDDEN),
      new Row("steering",           "none",     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
      new Row("facilitator.fr",     "none",     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
      new Row(null,                 "anonymous", UNAUTHENTICATED, UNAUTHENTICATED,
          UNAUTHENTICATED, UNAUTHENTICATED));

  /** A call of one family against one appeal, relative to the API's root. */
  record Call(Family family, String method, String path, String body) {
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentStore documents;

  Http http;
  AppealScenario scenario;
  ProcessInstance lebanon;
  ProcessInstance colombia;

  /** Once for the class (inside a test's run, where process coverage records it). */
  @BeforeEach
  void twoAppeals() {
    if (lebanon != null) {
      return;
    }
    http = new Http(port);
    scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    lebanon = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", lebanon, "Task_SubmitProject", AppealScenario.project(
        "Lebanese Education Association", "Learning spaces in Burj Hammoud", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    scenario.closeCall(lebanon);
    scenario.vetAll(lebanon, "ACCEPT");
    scenario.as("lb.unicef");
    assertThat(scenario.task(lebanon, "Task_SignOffUnicef")).isNotNull();

    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("country", "CO");
    trigger.put("affectedAreas", "Cúcuta");
    scenario.as("co.unicef");
    colombia = engine.getRuntimeService().createProcessInstanceByKey("emergencyFundingAppeal")
        .businessKey("MATRIX-CO").setVariables(trigger).execute();
    scenario.submit("co.unicef", colombia, "Task_ConfirmActivation", AppealScenario.go());
    scenario.asSystem();
  }

  @AfterAll
  void cleanUp() {
    scenario.asSystem();
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  private String timerJobOf(ProcessInstance appeal) {
    scenario.asSystem();
    return engine.getManagementService().createJobQuery().processInstanceId(appeal.getId())
        .timers().list().stream().map(Job::getId).findFirst().orElseThrow();
  }

  private List<Call> callsOn(ProcessInstance appeal, String country) {
    String id = appeal.getId();
    String job = timerJobOf(appeal);
    String forgedSignOffs = "{\"type\":\"Object\",\"value\":\"{\\\"decisions\\\":[{\\\"organisation\\\":"
        + "\\\"SAVE_THE_CHILDREN\\\",\\\"userId\\\":\\\"lb.savethechildren\\\",\\\"approved\\\":true}]}\","
        + "\"valueInfo\":{\"objectTypeName\":\"org.eie.workflows.appeal.SignOffs\","
        + "\"serializationDataFormat\":\"application/json\"}}";
    String skipToDocument = "LB".equals(country)
        ? "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_SignOffUnicef\"},"
            + "{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_GenerateAppealDocument\"}]}"
        : "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_DraftResponsePlan\"}]}";
    return List.of(
        new Call(Family.READ, "GET", "/process-instance/" + id, null),
        new Call(Family.READ, "GET", "/process-instance/" + id + "/variables", null),
        new Call(Family.READ, "GET", "/history/process-instance/" + id, null),
        new Call(Family.WRITE, "PUT", "/process-instance/" + id + "/variables/signOffs",
            forgedSignOffs),
        new Call(Family.WRITE, "POST", "/process-instance/" + id + "/variables",
            "{\"modifications\":{\"signedOff\":{\"value\":true,\"type\":\"Boolean\"}}}"),
        new Call(Family.WRITE, "DELETE", "/process-instance/" + id + "/variables/country", null),
        new Call(Family.EXECUTE, "POST", "/job/" + job + "/execute", null),
        new Call(Family.EXECUTE, "PUT", "/job/" + job + "/retries", "{\"retries\":5}"),
        new Call(Family.EXECUTE, "PUT", "/job/" + job + "/duedate",
            "{\"duedate\":\"2026-11-20T12:05:00.000+0000\"}"),
        new Call(Family.MODIFY, "POST", "/process-instance/" + id + "/modification",
            skipToDocument),
        new Call(Family.MODIFY, "PUT", "/process-instance/" + id + "/suspended",
            "{\"suspended\":true}"),
        new Call(Family.MODIFY, "DELETE", "/process-instance/" + id, null));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleGetsItsAnswerFromEveryEngineApi() {
    Map<String, WebappSession> sessions = new HashMap<>();
    List<DynamicTest> cells = new ArrayList<>();
    Map<String, List<Call>> callsOnAppeal = Map.of("LB", callsOn(lebanon, "LB"),
        "CO", callsOn(colombia, "CO"));
    for (Row row : MATRIX) {
      for (var target : List.of(Map.entry("LB", lebanon), Map.entry("CO", colombia))) {
        for (Call call : callsOnAppeal.get(target.getKey())) {
          Answer expected = row.expected(call.family(), target.getKey());
          String who = row.user() == null ? "anonymous" : row.user();
          String name = who + " (tenants: " + row.tenants() + ") " + call.family() + " "
              + call.method() + " " + call.path().replace(target.getValue().getId(), "{"
              + target.getKey() + " appeal}") + " -> " + expected;
          cells.add(DynamicTest.dynamicTest("REST: " + name, () -> assertAnswer(expected,
              rest(row.user(), call), call)));
          cells.add(DynamicTest.dynamicTest("webapp: " + name, () -> assertAnswer(expected,
              webapp(sessions, row.user(), call), call)));
        }
      }
    }
    return cells.stream();
  }

  private static void assertAnswer(Answer expected, HttpResponse<String> answer, Call call) {
    assertThat(answer.statusCode())
        .as(call.method() + " " + call.path() + " answered " + answer.body())
        .isIn(expected.statuses);
  }

  private HttpResponse<String> rest(String user, Call call) {
    HttpRequest.Builder request = http.request("/engine-rest" + call.path(), user)
        .header("Content-Type", "application/json")
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body()));
    return http.send(request);
  }

  private HttpResponse<String> webapp(Map<String, WebappSession> sessions, String user,
      Call call) {
    if (user == null) {
      return http.send(http.request("/camunda/api/engine/engine/default" + call.path(), null)
          .header("Content-Type", "application/json")
          .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(call.body())));
    }
    WebappSession session = sessions.computeIfAbsent(user,
        u -> WebappSession.login(http, u, "demo"));
    return session.send(call.method(), "/camunda/api/engine/engine/default" + call.path(),
        "application/json", call.body() == null ? null
            : call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The exact sequence by which one co-lead once published an appeal with a forged second
   * signature: every step is refused and the appeal still waits for the UNICEF sign-off.
   */
  @Test
  void oneCoLeadCannotSkipTheSignOffsAndForgeTheSecondSignature() {
    String id = lebanon.getId();
    List<Call> calls = callsOn(lebanon, "LB");
    Call skip = calls.stream()
        .filter(c -> c.path().endsWith("/modification")).findFirst().orElseThrow();
    Call forge = calls.stream()
        .filter(c -> c.path().endsWith("/variables/signOffs")).findFirst().orElseThrow();
    assertThat(rest("lb.unicef", skip).statusCode()).isEqualTo(403);
    assertThat(rest("lb.unicef", forge).statusCode()).isEqualTo(403);
    assertThat(rest("lb.unicef", new Call(Family.EXECUTE, "POST",
        "/job/" + timerJobOf(lebanon) + "/execute", null)).statusCode()).isEqualTo(403);

    scenario.asSystem();
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).contains("Task_SignOffUnicef");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(id)
        .activityId("Task_GenerateAppealDocument").count()).isZero();
    assertThat(documents.latest(id, "appeal")).isEmpty();
  }

  /** Cockpit's Human Tasks view and the task counts read every country's open tasks. */
  @Test
  void secretariatAndGlobalCoLeadsReadEveryCountrysOpenTasksButNotOthers() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String user : List.of("secretariat", "gec.unicef")) {
      for (ProcessInstance appeal : List.of(lebanon, colombia)) {
        var tasks = http.get("/engine-rest/task?processInstanceId=" + appeal.getId(), user);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).size()).as(user + " " + tasks.body()).isPositive();
      }
    }
    var colombiaSeenFromLebanon = http.get("/engine-rest/task?processInstanceId="
        + colombia.getId(), "lb.unicef");
    assertThat(json.readTree(colombiaSeenFromLebanon.body()).size()).isZero();
  }
}
