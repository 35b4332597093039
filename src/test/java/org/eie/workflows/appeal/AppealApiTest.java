package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.identity.RoleActions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The appeal through HTTP, as the demo users' tools and Tasklist call it. */
class AppealApiTest extends AppealHttpTest {

  @Autowired
  RoleActions roleActions;


  long appealCount() {
    scenario.asSystem();
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count();
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "country=XX                 | country",
      "onset=2026-11-25T10:00:00Z | onset",
      "peopleAffected=-5          | peopleAffected",
      "situationSummary=          | situationSummary",
      "appealType=MEGA_APPEAL     | appealType",
      "onset=yesterday            | onset"})
  void badTriggerGets400NamingTheFieldAndStartsNothing(String change, String field)
      throws IOException {
    ObjectNode body = triggerBody();
    String[] keyValue = change.split("=", 2);
    if (keyValue[1].isEmpty()) {
      body.remove(keyValue[0]);
    } else if (keyValue[1].matches("-?\\d+")) {
      body.put(keyValue[0], Long.parseLong(keyValue[1]));
    } else {
      body.put(keyValue[0], keyValue[1]);
    }
    long before = appealCount();

    var response = http.post("/api/appeals", "lb.unicef", body.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode errors = json.readTree(response.body()).get("errors");
    assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asText()).isNotBlank();
    assertThat(appealCount()).isEqualTo(before);
  }

  @Test
  void coLeadCannotStartAnAppealForAnotherCountry() {
    ObjectNode body = triggerBody();
    body.put("country", "CO");
    long before = appealCount();
    assertThat(http.post("/api/appeals", "lb.unicef", body.toString()).statusCode()).isEqualTo(403);
    assertThat(http.post("/api/appeals", "partner.lb", triggerBody().toString()).statusCode())
        .isEqualTo(403);
    assertThat(appealCount()).isEqualTo(before);
  }

  @Test
  void tasklistFormsLeaveTheRecordedStageBehindNotTheirLooseFields() throws IOException {
    var started = http.post("/api/appeals", "lb.unicef", triggerBody().toString());
    String id = json.readTree(started.body()).get("id").asText();
    submitForm("lb.unicef", id, "Task_ConfirmActivation", Map.of(
        "activated", "true", "activationReason", "HC requested a Flash Appeal"));
    Map<String, Object> assessment = assessmentValues();

    assessment.put("girlsInNeed", -5);
    var refused = trySubmitForm("lb.savethechildren", id, "Task_RapidNeedsAssessment", assessment);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    // Tasklist shows the message: it names the field by the label on the form.
    assertThat(refused.body()).contains("Girls in need: must not be negative (was -5)");
    scenario.asSystem();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("Task_RapidNeedsAssessment").count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(id, AppealVariables.NEEDS_ASSESSMENT))
        .isNull();

    // Forms send text, numbers, booleans, dates and JSON; a Java object is refused, by name.
    var javaObject = trySubmitRaw("lb.savethechildren", id, "Task_RapidNeedsAssessment", """
        {"variables": {"dataGaps": {"type": "Object", "value": "[\\"none\\"]", "valueInfo": {
          "objectTypeName": "java.util.ArrayList",
          "serializationDataFormat": "application/json"}}}}""");
    assertThat(javaObject.statusCode()).as(javaObject.body()).isEqualTo(400);
    assertThat(javaObject.body()).contains("dataGaps: values of type object are not accepted");

    assessment.put("girlsInNeed", 60000);
    submitForm("lb.savethechildren", id, "Task_RapidNeedsAssessment", assessment);
    Map<String, Object> plan = planValues(new Json("[\"TEMPORARY_LEARNING_SPACES\"]"));
    submitForm("lb.unicef", id, "Task_DraftResponsePlan", plan);

    scenario.asSystem();
    var recorded = (NeedsAssessment) engine.getRuntimeService()
        .getVariable(id, AppealVariables.NEEDS_ASSESSMENT);
    assertThat(recorded.girlsInNeed()).isEqualTo(60000);
    assertThat(((PlannedResponse) engine.getRuntimeService()
        .getVariable(id, AppealVariables.RESPONSE_PLAN)).priorityActivities())
        .containsExactly("TEMPORARY_LEARNING_SPACES");
    // Cockpit's history of the appeal holds the recorded stages, never the forms' loose fields.
    List<String> looseFields = new ArrayList<>(assessment.keySet());
    looseFields.addAll(plan.keySet());
    looseFields.remove("submissionDeadline"); // kept as the timer's date
    looseFields.remove("assessedAreas"); // the form opens with the trigger's areas in it
    looseFields.add("activationReason");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(id).variableNameIn(looseFields.toArray(String[]::new)).list())
        .isEmpty();
  }

  @Test
  void appealRunsEndToEndThroughTheApiAndItsDocumentGoesToTheCountryOnly() throws IOException {
    var started = http.post("/api/appeals", "lb.unicef", triggerBody().toString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = json.readTree(started.body()).get("id").asText();
    assertThat(json.readTree(started.body()).get("country").asText()).isEqualTo("LB");

    submitForm("lb.unicef", id, "Task_ConfirmActivation", Map.of(
        "activated", "true", "activationReason", "HC requested a Flash Appeal"));
    submitForm("lb.savethechildren", id, "Task_RapidNeedsAssessment", assessmentValues());
    Map<String, Object> plan = planValues(
        new Json("[\"TEMPORARY_LEARNING_SPACES\",\"PSYCHOSOCIAL_SUPPORT\"]"));
    submitForm("lb.unicef", id, "Task_DraftResponsePlan", plan);

    var submitted = http.post("/api/appeals/" + id + "/projects", "partner.lb", projectBody(1200));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    assertThat(json.readTree(submitted.body()).get("projectId").asText()).isEqualTo("LB-EDU-001");

    var invalid = http.post("/api/appeals/" + id + "/projects", "partner.lb", projectBody(-1));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json.readTree(invalid.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("peopleTargeted.girls");
    assertThat(http.post("/api/appeals/" + id + "/projects", "partner.co", projectBody(10))
        .statusCode()).isEqualTo(404);

    clock(AppealScenario.SUBMISSION_DEADLINE.plus(Duration.ofMinutes(1)));
    var late = http.post("/api/appeals/" + id + "/projects", "partner.lb", projectBody(10));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(json.readTree(late.body()).get("detail").asText())
        .contains("closed at 2026-11-22T12:00Z");
    runJob(id, "Event_SubmissionClosed");
    var afterClose = http.post("/api/appeals/" + id + "/projects", "partner.lb", projectBody(10));
    assertThat(afterClose.statusCode()).isEqualTo(409);

    submitForm("lb.unicef", id, "Task_VetProject", Map.of("strategicRelevance", 5,
        "programmaticRelevance", 4, "costEffectiveness", 4, "managementAndMonitoring", 4,
        "accountability", 4, "vettingDecision", "ACCEPT", "vettingComment", "Strong proposal"));
    submitForm("lb.unicef", id, "Task_SignOffUnicef", Map.of("signOffDecision", "APPROVE"));
    submitForm("lb.savethechildren", id, "Task_SignOffSaveTheChildren",
        Map.of("signOffDecision", "APPROVE"));
    // Only Lebanon's HC office endorses: to another country's HC office the task does not
    // exist (404, as any other country's task: the tenant hides it), a co-lead of the country
    // may not complete it (403), and a send-back without a reason is refused (400).
    scenario.asSystem();
    String endorse = engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("Task_EndorseAppeal").singleResult().getId();
    assertThat(http.get("/engine-rest/task/" + endorse, "co.hc").statusCode()).isEqualTo(404);
    var foreignClaim = http.post("/engine-rest/task/" + endorse + "/claim", "co.hc",
        "{\"userId\":\"co.hc\"}");
    assertThat(foreignClaim.statusCode()).as(foreignClaim.body()).isEqualTo(404);
    var foreignEndorsement = http.post("/engine-rest/task/" + endorse + "/submit-form", "co.hc",
        "{\"variables\":{\"endorsementDecision\":{\"value\":\"ENDORSE\"}}}");
    assertThat(foreignEndorsement.statusCode()).as(foreignEndorsement.body()).isEqualTo(404);
    var byCoLead = http.post("/engine-rest/task/" + endorse + "/submit-form", "lb.unicef",
        "{\"variables\":{\"endorsementDecision\":{\"value\":\"ENDORSE\"}}}");
    assertThat(byCoLead.statusCode()).as(byCoLead.body()).isEqualTo(403);
    var noReason = trySubmitForm("lb.hc", id, "Task_EndorseAppeal",
        Map.of("endorsementDecision", "SEND_BACK"));
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("Reason for sending back");
    assertThat(http.get("/engine-rest/task/" + endorse, "lb.hc").statusCode()).isEqualTo(200);
    submitForm("lb.hc", id, "Task_EndorseAppeal", Map.of("endorsementDecision", "ENDORSE"));
    runJob(id, "Task_GenerateAppealDocument");

    var pdf = http.getBytes("/api/appeals/" + id + "/document", "lb.savethechildren");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("X-Document-SHA256")).isPresent();
    try (var document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Lebanon");
    }
    assertThat(http.getBytes("/api/appeals/" + id + "/document", "lb.unicef").statusCode())
        .isEqualTo(200);
    assertThat(http.getBytes("/api/appeals/" + id + "/document", "co.unicef").statusCode())
        .isEqualTo(404);
    assertThat(http.getBytes("/api/appeals/" + id + "/document", "co.savethechildren")
        .statusCode()).isEqualTo(404);
    assertThat(http.getBytes("/api/appeals/no-such-appeal/document", "lb.unicef").statusCode())
        .isEqualTo(404);
  }

  @Test
  void coLeadsReviseAPublishedAppealEarlyOrCloseItWithWhoAndWhyOnRecord() throws IOException {
    BpmnAwareTests.init(engine);
    var appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Norwegian Refugee Council", "Back to learning in Beirut", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    String revision = "/api/appeals/" + appeal.getId() + "/revision";
    String closure = "/api/appeals/" + appeal.getId() + "/closure";
    String reason = "{\"reason\":\"The JENA results are in early\"}";

    // Not published yet: there is nothing to revise or close (cancelling is the way out).
    var tooEarly = http.post(revision, "lb.unicef", reason);
    assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
    assertThat(json.readTree(tooEarly.body()).get("detail").asText())
        .contains("only a published appeal");
    assertThat(http.post(closure, "lb.unicef", reason).statusCode()).isEqualTo(409);
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);

    // Published and waiting for its revision: open, and not overdue, on the dashboard.
    JsonNode waiting = json.readTree(http.get("/api/appeals/" + appeal.getId(), "secretariat")
        .body()).get("appeal");
    assertThat(waiting.get("status").asText()).isEqualTo("OPEN");
    assertThat(waiting.get("overdue").asBoolean()).isFalse();
    assertThat(waiting.at("/nextDeadline/name").asText()).isEqualTo("revision");
    assertThat(waiting.at("/nextDeadline/daysLeft").asLong()).isBetween(29L, 30L);
    assertThat(http.post(revision, "lb.unicef", "{}").statusCode()).isEqualTo(400);
    assertThat(http.post(revision, "co.unicef", reason).statusCode()).isEqualTo(404);
    assertThat(http.post(revision, "secretariat", reason).statusCode()).isEqualTo(403);
    scenario.asSystem();
    BpmnAwareTests.assertThat(appeal).isWaitingAt("Gateway_RevisionWindow");

    var revised = http.post(revision, "lb.unicef", reason);
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    assertThat(json.readTree(revised.body()).get("decidedBy").asText()).isEqualTo("lb.unicef");
    scenario.asSystem();
    BpmnAwareTests.assertThat(appeal).isWaitingAt("Task_ReviseAppeal");
    BpmnAwareTests.assertThat(scenario.task(appeal, "Task_ReviseAppeal")).hasCandidateGroup("coleads-LB");
    // The task opens with the published figures, ready to be changed.
    assertThat(engine.getFormService().getTaskFormVariables(
        scenario.task(appeal, "Task_ReviseAppeal").getId()).getValue("projectBudgets",
            String.class)).isEqualTo("LB-EDU-001 = 400000");
    assertThat(http.post(revision, "lb.savethechildren", reason).statusCode()).isEqualTo(409);

    // While the revision is open the co-leads may still decide there will be none.
    var closed = http.post(closure, "lb.savethechildren",
        "{\"reason\":\"The HRP revision replaces this appeal\"}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    scenario.asSystem();
    BpmnAwareTests.assertThat(appeal).isEnded().hasPassed("Event_AppealClosedAtRevision")
        .hasNotPassed("Event_AppealClosed");
    assertThat(roleActions.takenOn(appeal.getId())).extracting(RoleActions.Taken::action,
        RoleActions.Taken::userId, RoleActions.Taken::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("revise the appeal now", "lb.unicef",
            "The JENA results are in early"),
        org.assertj.core.groups.Tuple.tuple("close the appeal with no revision",
            "lb.savethechildren", "The HRP revision replaces this appeal"));
    assertThat(json.readTree(http.get("/api/appeals/" + appeal.getId(), "secretariat").body())
        .at("/appeal/status").asText()).isEqualTo("PUBLISHED");
    RevisionDecision decision = (RevisionDecision) engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(appeal.getId())
        .variableName("revisionDecision").singleResult().getValue();
    assertThat(decision.decision()).isEqualTo("CLOSE");
    assertThat(decision.decidedBy()).isEqualTo("lb.savethechildren");
  }

  @Test
  void coLeadsCancelThroughTheApiWithAReason() throws IOException {
    var appeal = scenario.start();
    String path = "/api/appeals/" + appeal.getId() + "/cancellation";

    assertThat(http.post(path, "lb.unicef", "{}").statusCode()).isEqualTo(400);
    assertThat(http.post(path, "co.unicef", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(http.post(path, "secretariat", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    scenario.asSystem();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(appeal.getId()).count()).isEqualTo(1);

    var cancelled = http.post(path, "lb.savethechildren",
        "{\"reason\":\"The HC merged it into the HRP revision\"}");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(json.readTree(cancelled.body()).get("cancelledBy").asText())
        .isEqualTo("lb.savethechildren");
    scenario.asSystem();
    var history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(appeal.getId()).singleResult();
    assertThat(history.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(appeal.getId()).activityId("Event_Cancelled").count()).isEqualTo(1);
  }

  @Test
  void coLeadsMayReadTheDeadlineDecisionPartnersMayNot() throws IOException {
    String path = "/engine-rest/decision-definition?key=appealDeadlines";
    assertThat(json.readTree(http.get(path, "lb.unicef").body()).size()).isPositive();
    assertThat(json.readTree(http.get(path, "gec.unicef").body()).size()).isPositive();
    // Partners do not follow appeals in Cockpit: the route is not on their list.
    assertThat(http.get(path, "partner.lb").statusCode()).isEqualTo(403);
  }

  String projectBody(int girls) {
    ObjectNode body = json.createObjectNode();
    body.put("partnerOrganisation", "LEA");
    body.put("title", "Temporary learning spaces in Bourj Hammoud");
    ObjectNode line = body.putArray("activities").addObject();
    line.put("activity", "TEMPORARY_LEARNING_SPACES");
    line.put("budgetUsd", 250000);
    body.putArray("locations").add("برج حمود");
    ObjectNode people = body.putObject("peopleTargeted");
    people.put("girls", girls);
    people.put("boys", 1100);
    people.put("femaleTeachers", 40);
    people.put("maleTeachers", 20);
    people.put("withDisabilities", 150);
    body.put("durationMonths", 6);
    return body.toString();
  }
}
