package org.eie.workflows.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The input contract, tried as a hostile client would: well over a thousand generated malformed
 * requests (QuickTheories' generators) against every API that writes and against form submissions of
 * each process, each starting from a valid request and breaking one thing: a field given a value
 * of the wrong JSON type, too large a number, too long a text, invisible text or nothing where a
 * value is required, a key given twice or a key the request does not have, or a body that is not
 * a JSON object. Every answer is a 4xx (never a server error); every 400 of our API is problem
 * details naming the field, and of the engine's API names it in its message; and nothing is
 * written: no process instance, donor, pledge, partner organisation or notification setting more
 * than before.
 */
class InputContractFuzzTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  /** One endpoint: who calls it, its valid body, and which fields must have a value. */
  record Endpoint(String name, String user, String path, String validBody, List<String> required,
      boolean engineApi, boolean put) {

    Endpoint(String name, String user, String path, String validBody, List<String> required,
        boolean engineApi) {
      this(name, user, path, validBody, required, engineApi, false);
    }
  }

  /** One way to break a request. */
  enum Breakage {
    OBJECT_VALUE, NESTED_LIST_VALUE, HUGE_NUMBER, HUGE_INTEGER, LONG_TEXT,
    INVISIBLE_TEXT, MISSING, DUPLICATE_KEY, UNKNOWN_KEY, NOT_AN_OBJECT
  }

  record Case(Endpoint endpoint, Breakage breakage, String field, String body) {
  }

  @AfterEach
  void asNobody() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void malformedRequestsAreRefusedWithFieldsNamedAndWriteNothing() throws Exception {
    Http http = new Http(port);
    List<Endpoint> endpoints = endpoints(http);
    long[] before = written();

    List<Case> cases = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    qt().withExamples(1300).withGenerateAttempts(20000)
        .forAll(arbitrary().pick(endpoints), arbitrary().enumValues(Breakage.class),
            integers().between(0, 1000))
        .check((endpoint, breakage, index) -> {
          Case c = caseOf(endpoint, breakage, index);
          if (c == null) {
            return true;
          }
          cases.add(c);
          HttpResponse<String> answer = c.endpoint().put()
              ? http.put(c.endpoint().path(), c.endpoint().user(), c.body())
              : http.post(c.endpoint().path(), c.endpoint().user(), c.body());
          String problem;
          try {
            problem = problemWith(c, answer);
          } catch (Exception e) {
            problem = "unreadable answer: " + e.getMessage();
          }
          if (problem != null) {
            failures.add(c.endpoint().name() + " " + c.breakage() + " " + c.field() + " -> "
                + answer.statusCode() + " " + abbreviated(answer.body()) + ": " + problem
                + "\n   body: " + abbreviated(c.body()));
          }
          return true; // every failure is collected and reported at once below
        });
    assertThat(failures).as(failures.size() + " of " + cases.size() + " requests").isEmpty();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(written()).as("process instances, donors, pledges, partner organisations,"
            + " notification settings")
        .containsExactly(before);
  }

  private static String problemWith(Case c, HttpResponse<String> answer) throws Exception {
    int status = answer.statusCode();
    if (status >= 500) {
      return "a server error";
    }
    if (status < 400) {
      return "accepted";
    }
    if (status != 400) {
      return null; // 401/403/404/409 as the API says; nothing was written (checked at the end)
    }
    JsonNode body = JSON.readTree(answer.body());
    String named = c.breakage() == Breakage.NOT_AN_OBJECT ? "body" : c.field();
    if (c.endpoint().engineApi()) {
      // Our refusals name the field by the label Tasklist shows; the engine's own, by its key.
      String message = body.path("message").asText();
      return message.contains(named) || message.contains(FormLabels.of(named))
          || c.breakage() == Breakage.NOT_AN_OBJECT ? null : "the message does not name " + named;
    }
    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
      return "not problem details";
    }
    for (JsonNode error : body.path("errors")) {
      if (error.path("field").asText().startsWith(named)
          || error.path("field").asText().endsWith(named)) {
        return null;
      }
    }
    return "no error names " + named;
  }

  private static Case caseOf(Endpoint endpoint, Breakage breakage, int index) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(endpoint.validBody());
      ObjectNode target = endpoint.engineApi() ? (ObjectNode) body.get("variables") : body;
      List<String> fields = new ArrayList<>();
      target.fieldNames().forEachRemaining(fields::add);
      boolean requiredOnly = breakage == Breakage.INVISIBLE_TEXT || breakage == Breakage.MISSING;
      List<String> candidates = requiredOnly ? endpoint.required() : fields;
      if (candidates.isEmpty()) {
        return null;
      }
      String field = candidates.get(index % candidates.size());
      String text = JSON.writeValueAsString(body);
      String value = switch (breakage) {
        case OBJECT_VALUE -> "{\"a\":1}";
        case NESTED_LIST_VALUE -> "[[1],{\"b\":2}]";
        case HUGE_NUMBER -> "1e308";
        case HUGE_INTEGER -> "99999999999999999999";
        case LONG_TEXT -> JSON.writeValueAsString("x".repeat(5000));
        case INVISIBLE_TEXT -> "\" \\u200b \"";
        case MISSING -> "null";
        default -> null;
      };
      switch (breakage) {
        case DUPLICATE_KEY -> {
          return new Case(endpoint, breakage, field, withDuplicate(text, field, endpoint));
        }
        case UNKNOWN_KEY -> {
          if (endpoint.engineApi()) {
            return null; // a form may carry fields the process does not read
          }
          target.put("unexpectedField", "x");
          return new Case(endpoint, breakage, "unexpectedField", JSON.writeValueAsString(body));
        }
        case NOT_AN_OBJECT -> {
          String[] bodies = {"null", "[]", "{", "\"text\"", "42", "{\"a\":}"};
          return new Case(endpoint, breakage, "body", bodies[index % bodies.length]);
        }
        default -> {
          JsonNode replacement = JSON.readTree(value);
          if (endpoint.engineApi()) {
            ObjectNode variable = JSON.createObjectNode();
            variable.set("value", replacement);
            if (replacement.isContainerNode() && index % 2 == 0) {
              variable.put("type", "Json");
              variable.put("value", JSON.writeValueAsString(replacement));
            }
            target.set(field, variable);
          } else {
            target.set(field, replacement);
          }
          return new Case(endpoint, breakage, field, JSON.writeValueAsString(body));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body with the field given a second time, as null (the last one would win). */
  private static String withDuplicate(String text, String field, Endpoint endpoint) {
    String duplicate = endpoint.engineApi()
        ? ",\"" + field + "\":{\"value\":null}}" : ",\"" + field + "\":null}";
    if (endpoint.engineApi()) {
      int variablesEnd = text.lastIndexOf('}', text.length() - 2);
      return text.substring(0, variablesEnd) + duplicate + text.substring(variablesEnd + 1);
    }
    return text.substring(0, text.length() - 1) + duplicate;
  }

  private long[] written() {
    return new long[] {
        engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
        count("eie_donor"), count("eie_pledge"), count("eie_partner_organisation"),
        count("eie_notification_setting")};
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static String abbreviated(String text) {
    return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
  }

  /** The APIs that write, each with a valid request; set-up creates what they need. */
  private List<Endpoint> endpoints(Http http) throws Exception {
    AppealScenario scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    ProcessInstance activation = scenario.start(AppealScenario.trigger());
    scenario.asSystem();
    HttpResponse<String> donor = http.post("/api/donors", "secretariat", """
        {"organisation": "Fuzz Foundation", "contactName": "Ana", "email": "fuzz@example.org",
         "language": "en", "countries": ["LB"], "appealTypes": ["FLASH_APPEAL"]}""");
    assertThat(donor.statusCode()).as(donor.body()).isEqualTo(201);
    String donorId = JSON.readTree(donor.body()).path("id").asText();
    Task confirm = engine.getTaskService().createTaskQuery()
        .processInstanceId(activation.getId()).taskDefinitionKey("Task_ConfirmActivation")
        .singleResult();
    Task submit = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(appeal.getBusinessKey())
        .taskDefinitionKey("Task_SubmitProject").singleResult();

    Map<String, String> bodies = new LinkedHashMap<>();
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(new Endpoint("start appeal", "lb.unicef", "/api/appeals", """
        {"country": "LB", "emergencyType": "Explosion", "onset": "2026-11-20T10:00:00Z",
         "affectedAreas": ["Beirut"], "appealType": "FLASH_APPEAL",
         "situationSummary": "Port explosion", "peopleAffected": 300000,
         "schoolsAffected": 159, "language": "en"}""",
        List.of("country", "emergencyType", "onset", "affectedAreas", "situationSummary"),
        false));
    endpoints.add(new Endpoint("submit project", "partner.lb",
        "/api/appeals/" + appeal.getId() + "/projects", """
        {"title": "Learning spaces", "locations": ["Beirut"], "durationMonths": 6,
         "activities": [{"activity": "TEMPORARY_LEARNING_SPACES", "budgetUsd": 250000}],
         "peopleTargeted": {"girls": 1200, "boys": 1100, "femaleTeachers": 40,
           "maleTeachers": 20, "withDisabilities": 150}}""",
        List.of("title", "locations", "durationMonths", "activities", "peopleTargeted"), false));
    endpoints.add(new Endpoint("cancel appeal", "lb.unicef",
        "/api/appeals/" + appeal.getId() + "/cancellation", """
        {"reason": "Merged into the HRP revision"}""", List.of("reason"), false));
    endpoints.add(new Endpoint("revise appeal now", "lb.unicef",
        "/api/appeals/" + appeal.getId() + "/revision", """
        {"reason": "The JENA results are in"}""", List.of("reason"), false));
    endpoints.add(new Endpoint("close appeal", "lb.unicef",
        "/api/appeals/" + appeal.getId() + "/closure", """
        {"reason": "The HRP takes over"}""", List.of("reason"), false));
    endpoints.add(new Endpoint("register donor", "secretariat", "/api/donors", """
        {"organisation": "Education Cannot Wait", "contactName": "Ana Pérez",
         "email": "donor@example.org", "language": "fr", "countries": ["LB"],
         "appealTypes": ["FLASH_APPEAL"]}""",
        List.of("organisation", "email"), false));
    endpoints.add(new Endpoint("record pledge", "secretariat", "/api/pledges", """
        {"donorId": "%s", "appealId": "%s", "activity": "Temporary learning spaces",
         "amountUsd": 250000, "date": "2026-11-20", "status": "PLEDGED"}"""
        .formatted(donorId, appeal.getId()),
        List.of("donorId", "appealId", "amountUsd", "date", "status"), false));
    endpoints.add(new Endpoint("start planning cycle", "secretariat", "/api/planning-cycles", """
        {"firstYear": 2031, "documentLanguage": "en"}""", List.of("firstYear"), false));
    endpoints.add(new Endpoint("start training rollout", "secretariat",
        "/api/training-rollouts", """
        {"packageVersion": "2.1", "modules": ["Module 1: The INEE Minimum Standards"],
         "countries": ["LB"], "languages": ["fr"], "evaluationPeriodDays": 14,
         "reportLanguage": "en"}""",
        List.of("packageVersion", "modules", "countries", "languages"), false));
    endpoints.add(new Endpoint("register partner organisation", "lb.unicef",
        "/api/partner-organisations", """
        {"country": "LB", "name": "Terre des hommes", "acronym": "Tdh",
         "type": "INTERNATIONAL_NGO"}""", List.of("country", "name", "type"), false));
    endpoints.add(new Endpoint("retry deliveries", "secretariat", "/api/donor-deliveries/retry",
        """
        {"appealId": "%s", "reason": "Mail server fixed"}""".formatted(appeal.getId()),
        List.of("appealId", "reason"), false));
    endpoints.add(new Endpoint("notification settings", "co.unicef", "/api/me/notifications",
        """
        {"enabled": false, "language": "fr"}""", List.of("enabled"), false, true));
    endpoints.add(new Endpoint("form: confirm activation", "lb.unicef",
        "/engine-rest/task/" + confirm.getId() + "/submit-form", """
        {"variables": {"activated": {"value": "false"},
          "activationReason": {"value": "Covered by the existing HRP"}}}""",
        List.of("activationReason"), true));
    endpoints.add(new Endpoint("form: submit project", "partner.lb",
        "/engine-rest/task/" + submit.getId() + "/submit-form", """
        {"variables": {"projectTitle": {"value": "Learning spaces"},
          "locations": {"value": "Beirut"}, "durationMonths": {"value": 6},
          "budgetTemporaryLearningSpaces": {"value": 250000},
          "girls": {"value": 1200}, "boys": {"value": 1100}, "femaleTeachers": {"value": 40},
          "maleTeachers": {"value": 20}, "withDisabilities": {"value": 150}}}""",
        List.of("projectTitle", "locations", "durationMonths", "girls", "boys"), true));
    endpoints.add(new Endpoint("form: start training rollout", "secretariat",
        "/engine-rest/process-definition/key/trainingPackageRollout/submit-form", """
        {"variables": {"packageVersion": {"value": "2.1"},
          "modules": {"value": "Module 1: The INEE Minimum Standards"},
          "countries": {"value": "LB"}, "languages": {"value": "fr"}}}""",
        List.of("packageVersion", "modules", "countries", "languages"), true));
    endpoints.add(new Endpoint("form: start planning cycle", "secretariat",
        "/engine-rest/process-definition/key/strategicPlanningCycle/submit-form", """
        {"variables": {"firstYear": {"value": 2031}, "documentLanguage": {"value": "en"}}}""",
        List.of("firstYear"), true));
    return endpoints;
  }
}
