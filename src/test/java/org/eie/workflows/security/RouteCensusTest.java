package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The route census: every operation of Camunda's own OpenAPI description of the engine REST API
 * (398 in 7.24), called as each role through the REST API and through the webapps' engine API,
 * against the real ids of a Lebanon appeal waiting for its Save the Children sign-off after
 * UNICEF signed. An operation not on the role's allow-list ({@link EngineRoutes}) answers 403
 * (401 anonymous); one on it never answers a server error; and no call changes a process
 * variable, starts or ends anything, touches a job or a grant (the engine's tables before and
 * after). The bodies are the ones an attacker would send: a forged {@code trigger}, a field the
 * form does not have, start instructions that skip the sign-offs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteCensusTest extends PostgresApplicationTest {

  /** The census's users, one per role; {@code null} is anonymous. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("country co-lead (lb.unicef)", "lb.unicef");
    ROLES.put("other country's co-lead (co.unicef)", "co.unicef");
    ROLES.put("global co-lead (gec.unicef)", "gec.unicef");
    ROLES.put("Secretariat (secretariat)", "secretariat");
    ROLES.put("partner organisation A (partner.lb)", "partner.lb");
    ROLES.put("partner organisation B (partner2.lb)", "partner2.lb");
    ROLES.put("Language Community (facilitator.fr)", "facilitator.fr");
    ROLES.put("anonymous", null);
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String FORGED = "{\"value\":\"forged\",\"type\":\"String\"}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  record Operation(String method, String template) {
  }

  @AfterAll
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void everyEngineOperationIsRefusedToEveryRoleWhoseListLacksItAndNothingChanges()
      throws IOException {
    AppealScenario scenario = new AppealScenario(engine);
    ProcessInstance appeal = scenario.signedForUnicef();
    Map<String, String> ids = idsOf(appeal, scenario);

    List<Operation> operations = operations();
    Http http = new Http(port);
    Map<String, WebappSession> sessions = new HashMap<>();
    String before = engineState();
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> allowedPerRole = new LinkedHashMap<>();
    for (var role : ROLES.entrySet()) {
      String user = role.getValue();
      var roles = user == null ? Set.<EngineRoutes.Role>of() : EngineRoutes.Role.of(
          engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
              .map(org.camunda.bpm.engine.identity.Group::getId).toList());
      int allowed = 0;
      for (Operation operation : operations) {
        String path = pathOf(operation.template(), ids);
        boolean onList = user != null && EngineRoutes.allows(roles, operation.method(), path);
        allowed += onList ? 1 : 0;
        String body = bodyOf(operation);
        var viaRest = http.send(http.request("/engine-rest" + path, user)
            .header("Content-Type", "application/json")
            .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
        check(wrong, role.getKey(), "REST", operation, onList, user, viaRest);
        // The webapps list their engines at /camunda/api/engine/engine/, not below an engine.
        if (user != null && !operation.template().equals("/engine")) {
          var session = sessions.computeIfAbsent(user, u -> WebappSession.login(http, u, "demo"));
          var viaWebapp = session.send(operation.method(), "/camunda/api/engine/engine/default"
              + path, "application/json",
              body == null ? null : body.getBytes(StandardCharsets.UTF_8));
          check(wrong, role.getKey(), "webapp", operation, onList, user, viaWebapp);
        }
      }
      allowedPerRole.put(role.getKey(), allowed);
    }
    System.out.println("Route census: " + operations.size() + " engine operations; may call: "
        + allowedPerRole);

    assertThat(wrong).as("calls answered otherwise than the allow-list says").isEmpty();
    assertThat(engineState()).as("the engine's variables, instances, jobs and grants")
        .isEqualTo(before);
    assertThat(operations).hasSizeGreaterThan(350);
    assertThat(allowedPerRole.get("anonymous")).isZero();
  }

  private static void check(List<String> wrong, String role, String api, Operation operation,
      boolean onList, String user, HttpResponse<String> answer) {
    int status = answer.statusCode();
    boolean right = !onList ? status == (user == null ? 401 : 403) : status < 500;
    // The engine list answers everyone, on or off a list.
    if (operation.template().equals("/engine")) {
      right = status == 200;
    }
    if (!right) {
      wrong.add(role + " " + api + " " + operation.method() + " " + operation.template()
          + (onList ? " (on the list)" : " (not on the list)") + " -> " + status + " "
          + answer.body().substring(0, Math.min(160, answer.body().length())));
    }
  }

  /** Every operation of the description, as method and path template. */
  static List<Operation> operations() throws IOException {
    try (var in = RouteCensusTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
      JsonNode paths = new ObjectMapper().readTree(in).path("paths");
      List<Operation> operations = new ArrayList<>();
      paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
          method -> {
            if (Set.of("get", "post", "put", "delete", "options").contains(method)) {
              operations.add(new Operation(method.toUpperCase(), path.getKey()));
            }
          }));
      return operations;
    }
  }

  /** A body that would change something if the call went through. */
  private static String bodyOf(Operation operation) {
    String template = operation.template();
    if (operation.method().equals("GET") || operation.method().equals("OPTIONS")) {
      return null;
    }
    if (template.endsWith("/submit-form")) {
      return "{\"variables\":{\"signOffs\":" + FORGED + "}}";
    }
    if (template.endsWith("/variables/{varName}") && operation.method().equals("PUT")) {
      return FORGED;
    }
    if (template.endsWith("/variables") || template.endsWith("/localVariables")) {
      return "{\"modifications\":{\"country\":" + FORGED + "}}";
    }
    if (template.endsWith("/start")) {
      return "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
          + "\"activityId\":\"Task_DistributeToDonors\"}],\"skipCustomListeners\":true,"
          + "\"variables\":{\"country\":{\"value\":\"LB\",\"type\":\"String\"}}}";
    }
    if (template.endsWith("/complete") || template.endsWith("/resolve")) {
      return "{\"variables\":{\"signedOff\":{\"value\":true,\"type\":\"Boolean\"}}}";
    }
    return "{}";
  }

  /** The real id each path parameter stands for, by the collection it names. */
  private Map<String, String> idsOf(ProcessInstance appeal, AppealScenario scenario) {
    Map<String, String> ids = new HashMap<>();
    var task = scenario.task(appeal, "Task_SignOffSaveTheChildren");
    var definition = engine.getRepositoryService().getProcessDefinition(
        appeal.getProcessDefinitionId());
    var job = engine.getManagementService().createJobQuery().processInstanceId(appeal.getId())
        .list().stream().findFirst();
    var variable = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(appeal.getId()).variableName("trigger").singleResult();
    var decision = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("appealDeadlines").latestVersion().singleResult();
    var authorization = engine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn("coleads-LB").list().get(0);
    var filter = engine.getFilterService().createFilterQuery().list().get(0);
    ids.put("task", task.getId());
    ids.put("process-instance", appeal.getId());
    ids.put("execution", appeal.getId());
    ids.put("history/process-instance", appeal.getId());
    ids.put("history/task", task.getId());
    ids.put("process-definition", definition.getId());
    ids.put("deployment", definition.getDeploymentId());
    ids.put("resourceId", engine.getRepositoryService().getDeploymentResources(
        definition.getDeploymentId()).get(0).getId());
    ids.put("job", job.map(j -> j.getId()).orElse("no-job"));
    ids.put("job-definition", job.map(j -> j.getJobDefinitionId()).orElse("no-job-definition"));
    ids.put("variable-instance", variable.getId());
    ids.put("history/variable-instance", variable.getId());
    ids.put("decision-definition", decision.getId());
    ids.put("authorization", authorization.getId());
    ids.put("filter", filter.getId());
    ids.put("user", "lb.savethechildren");
    ids.put("group", "coleads-LB");
    ids.put("tenant", "LB");
    ids.put("key", "emergencyFundingAppeal");
    ids.put("tenant-id", "LB");
    ids.put("varName", "trigger");
    ids.put("name", "activity-instance-start");
    return ids;
  }

  /** The template with each parameter replaced by the real id of its collection. */
  private static String pathOf(String template, Map<String, String> ids) {
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String name = parameter.group(1);
      String before = template.substring(0, parameter.start());
      String collection = before.replaceAll("^/|/$", "");
      String id = name.equals("id") ? ids.getOrDefault(collection,
          ids.getOrDefault(collection.replaceAll("/key/\\{key}.*", ""), "unknown-id"))
          : ids.getOrDefault(name, "unknown-" + name);
      if (collection.startsWith("decision-definition") && name.equals("key")) {
        id = "appealDeadlines";
      }
      parameter.appendReplacement(path, Matcher.quoteReplacement(id));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  /** What no census call may change: variables, instances, jobs, grants (ids and revisions). */
  private String engineState() {
    Map<String, List<String>> state = new TreeMap<>();
    state.put("variables", jdbc.sql("select ID_ || ':' || REV_ || ':' || NAME_ from ACT_RU_VARIABLE"
        + " order by ID_").query(String.class).list());
    state.put("executions", jdbc.sql("select ID_ || ':' || REV_ from ACT_RU_EXECUTION order by ID_")
        .query(String.class).list());
    state.put("started", jdbc.sql("select ID_ from ACT_HI_PROCINST order by ID_")
        .query(String.class).list());
    state.put("jobs", jdbc.sql("select ID_ || ':' || REV_ from ACT_RU_JOB order by ID_")
        .query(String.class).list());
    state.put("grants", jdbc.sql("select ID_ || ':' || REV_ from ACT_RU_AUTHORIZATION order by ID_")
        .query(String.class).list());
    state.put("users", jdbc.sql("select ID_ || ':' || REV_ from ACT_ID_USER order by ID_")
        .query(String.class).list());
    state.put("memberships", jdbc.sql("select USER_ID_ || ':' || GROUP_ID_ from ACT_ID_MEMBERSHIP"
        + " order by 1").query(String.class).list());
    return state.toString();
  }
}
