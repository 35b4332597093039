package org.eie.workflows.training;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scenario tests of the joint training package rollout, one per path a user can take, driven as
 * the users would: the Secretariat starts through the REST API, tasks are completed with the
 * values the Tasklist forms send, jobs and timers are executed by the test with the engine clock
 * moved.
 */
class TrainingPackageRolloutTest extends PostgresApplicationTest {

  static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  ObjectMapper json;

  Http http;

  @BeforeEach
  void setUp() {
    init(engine);
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- scenarios

  @Test
  void rolloutCompletesInEveryLanguageAndCountryAndProducesTheReport() throws Exception {
    var started = http.post("/api/training-rollouts", "secretariat", """
        {"packageVersion": "T-complete-2.1",
         "modules": ["Module 1: The INEE Minimum Standards", "Module 2: Coordination"],
         "countries": ["LB", "co"], "languages": ["fr", "ar"]}""");
    Assertions.assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = json.readTree(started.body()).get("id").asText();
    ProcessInstance rollout = instance(id);
    Assertions.assertThat(rollout.getTenantId()).isNull();

    assertThat(rollout).isWaitingAt("Task_ConfirmModuleAlignment");
    List<Task> reviews = tasks(id, "Task_ConfirmModuleAlignment");
    Assertions.assertThat(reviews).extracting(Task::getName).containsExactlyInAnyOrder(
        "Confirm alignment: Module 1: The INEE Minimum Standards",
        "Confirm alignment: Module 2: Coordination");
    assertThat(reviews.get(0)).hasCandidateGroup("inee-standards-practice-wg");
    reviews.forEach(task -> tasks.complete(task.getId(), Map.of("moduleAligned", "true")));

    translateAndValidate(id);
    trainTrainers(id);

    assertThat(rollout).isWaitingAt("CallActivity_CountryRollout");
    ProcessInstance lebanon = country(id, "LB");
    ProcessInstance colombia = country(id, "CO");
    Assertions.assertThat(lebanon.getTenantId()).isEqualTo("LB");
    Assertions.assertThat(colombia.getTenantId()).isEqualTo("CO");
    Assertions.assertThat(lebanon.getBusinessKey()).isEqualTo(rollout.getBusinessKey());

    planWorkshop(lebanon, "Beirut");
    deliverWorkshop(lebanon, 12, 8, "UNICEF: 8\nSave the Children: 12", "40, 50, 60, 50",
        "70, 80, 75, 75");
    submitEvaluation(lebanon, 20);
    executeJobs(id);
    assertThat(lebanon).isEnded().hasPassed("Event_EvaluationSubmitted",
        "Event_CountryRolloutCompleted");
    assertThat(rollout).isWaitingAt("CallActivity_CountryRollout");

    planWorkshop(colombia, "Bogotá");
    deliverWorkshop(colombia, 5, 10, "NRC: 16", "30, 45", "60, 65.5");
    submitEvaluation(colombia, 16);
    executeJobs(id);

    assertThat(rollout).isWaitingAt("Task_RecordLessonsLearned");
    var results = (RolloutResults) runtime.getVariable(id, "rolloutResults");
    Assertions.assertThat(results.workshops()).isEqualTo(2);
    Assertions.assertThat(results.participantsTotal()).isEqualTo(36);
    Assertions.assertThat(results.averageScoreGain()).isEqualByComparingTo("25.1");
    Assertions.assertThat(results.countriesWithdrawn()).isEmpty();
    Task lessons = task(rollout, "Task_RecordLessonsLearned");
    assertThat(lessons).hasCandidateGroup("inee-secretariat");
    tasks.complete(lessons.getId(), Map.of("lessonsLearned",
        "Run the pre-test before the opening session.\nPlan interpreters for mixed groups."));

    assertThat(rollout).isWaitingAt("Task_ProduceRolloutReport");
    executeJobs(id);
    assertThat(rollout).isEnded().hasPassed("Task_ConsolidateResults", "Event_RolloutCompleted");

    var document = http.getBytes("/api/training-rollouts/" + id + "/document", "secretariat");
    Assertions.assertThat(document.statusCode()).isEqualTo(200);
    Assertions.assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (var pdf = Loader.loadPDF(document.body())) {
      Assertions.assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("Training package rollout report T-complete-2.1");
    }
    String text = pdfText(document.body());
    Assertions.assertThat(text)
        .contains("INEE / Education Cluster training package T-complete-2.1: rollout report")
        .contains("Module 2: Coordination")
        .contains("French, Arabic")
        .contains("Held in Amman from Jan 10, 2027 to Jan 14, 2027")
        .contains("Rania Haddad UNICEF Lebanon Cascade to 3 governorates by June")
        .contains("Lebanon").contains("Colombia Bogotá")
        .contains("50.0 %").contains("75.0 %").contains("+25.0")
        .contains("37.5 %").contains("62.8 %").contains("+25.3")
        .contains("45.8 %").contains("70.9 %").contains("+25.1")
        .contains("Colombia Bogotá Feb 22, 2027 to Feb 26, 2027 5 10 1 16")
        .contains("NRC 16").contains("Save the Children 12").contains("UNICEF 8")
        .contains("36 workshop participants").contains("17 / 18 women / men")
        .contains("2 / 2 countries reached")
        .contains("No country was withdrawn.")
        .contains("Plan interpreters for mixed groups.")
        .doesNotContain("??");

    // Only who may see the rollout reads its report.
    Assertions.assertThat(http.getBytes("/api/training-rollouts/" + id + "/document", "lb.unicef")
        .statusCode()).isEqualTo(404);
    Assertions.assertThat(http.getBytes("/api/training-rollouts/" + id + "/document", "standards")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void moduleFailingTheStandardsGoesBackForRevisionAndARejectedTranslationIsRedone() {
    ProcessInstance rollout = start("T-revision-1.0", List.of("Module 5: Psychosocial support"),
        List.of("LB"), List.of("es"));
    String id = rollout.getId();
    Task review = task(rollout, "Task_ConfirmModuleAlignment");
    Assertions.assertThatThrownBy(() -> tasks.complete(review.getId(),
            Map.of("moduleAligned", "false")))
        .hasMessageContaining("What must change");
    tasks.complete(review.getId(), Map.of("moduleAligned", "false",
        "alignmentComment", "Standard 2 on protection is missing from the handouts"));

    Task revise = task(rollout, "Task_ReviseModule");
    assertThat(revise).hasCandidateGroup("inee-secretariat")
        .hasName("Revise module: Module 5: Psychosocial support");
    Assertions.assertThat(tasks.getVariable(revise.getId(), "alignmentComment"))
        .isEqualTo("Standard 2 on protection is missing from the handouts");
    tasks.complete(revise.getId(), Map.of("revisionNote", "Handout 5.3 added"));

    Task secondReview = task(rollout, "Task_ConfirmModuleAlignment");
    tasks.complete(secondReview.getId(), Map.of("moduleAligned", "true"));
    assertThat(rollout).hasPassedInOrder("Task_ConfirmModuleAlignment", "Task_ReviseModule",
        "Task_ConfirmModuleAlignment", "Event_ModuleReleased");

    Task translate = task(rollout, "Task_TranslatePackage");
    assertThat(translate).hasCandidateGroup("language-es");
    tasks.complete(translate.getId(), Map.of("translationLink", "https://example.org/es/v1"));
    Task validate = task(rollout, "Task_ValidateTranslation");
    tasks.complete(validate.getId(), Map.of("translationValidated", "false",
        "validationComment", "Glossary terms differ from the Minimum Standards in Spanish"));
    Task retranslate = task(rollout, "Task_TranslatePackage");
    assertThat(retranslate).hasCandidateGroup("language-es");
    tasks.complete(retranslate.getId(), Map.of("translationLink", "https://example.org/es/v2"));
    tasks.complete(task(rollout, "Task_ValidateTranslation").getId(),
        Map.of("translationValidated", "true"));
    assertThat(rollout).hasPassed("Event_TranslationValidated").isWaitingAt("Task_TrainTrainers");
    Assertions.assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id)
        .taskDefinitionKey("Task_TranslatePackage").count()).isEqualTo(2);
  }

  @Test
  void lateEvaluationIsRemindedThenEscalatedToTheSecretariat() {
    ProcessInstance rollout = start("T-late-1.0", List.of("Module 1"), List.of("LB"),
        List.of("pt"));
    releaseTranslateAndTrain(rollout.getId());
    ProcessInstance lebanon = country(rollout.getId(), "LB");
    planWorkshop(lebanon, "Tripoli");
    // last day 26 February, 14 days: due at the end of 12 March (UTC), reminder 3 days before
    deliverWorkshop(lebanon, 10, 10, "UNICEF: 20", "50, 60", "70, 80");
    Task evaluation = task(lebanon, "Task_SubmitEvaluation");
    Assertions.assertThat(evaluation.getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-03-13T00:00:00Z")));
    Assertions.assertThat(dueTimers(lebanon)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-10T08:00:00Z")));
    Assertions.assertThat(dueTimers(lebanon)).hasSize(1);
    dueTimers(lebanon).forEach(job -> management.executeJob(job.getId()));
    assertThat(lebanon).hasPassed("Task_SendReminder", "Event_Reminded")
        .isWaitingAt("Task_SubmitEvaluation");
    evaluation = task(lebanon, "Task_SubmitEvaluation");
    Assertions.assertThat(evaluation.getPriority()).isEqualTo(RemindEvaluationDue.REMINDED_PRIORITY);
    Assertions.assertThat(tasks.getTaskComments(evaluation.getId())).singleElement()
        .satisfies(comment -> Assertions.assertThat(comment.getFullMessage())
            .contains("2027-03-13T00:00:00Z"));
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(lebanon.getId())
        .taskDefinitionKey("Task_FollowUpOverdueEvaluation").count()).isZero();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-14T08:00:00Z")));
    dueTimers(lebanon).forEach(job -> management.executeJob(job.getId()));
    Task followUp = task(lebanon, "Task_FollowUpOverdueEvaluation");
    assertThat(followUp).hasCandidateGroup("inee-secretariat")
        .hasName("Follow up the overdue evaluation (LB)");
    Assertions.assertThat(followUp.getTenantId()).isEqualTo("LB");
    tasks.complete(followUp.getId(), Map.of("followUpNote", "Called the co-leads; report Monday"));
    assertThat(lebanon).hasPassed("Event_FollowedUp").isWaitingAt("Task_SubmitEvaluation");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-15T10:00:00Z")));
    submitEvaluation(lebanon, 20);
    assertThat(lebanon).isEnded();
    executeJobs(rollout.getId());
    var results = (RolloutResults) runtime.getVariable(rollout.getId(), "rolloutResults");
    Assertions.assertThat(results.lateEvaluations()).isEqualTo(1);
    Assertions.assertThat(results.countriesReached()).singleElement().satisfies(country -> {
      Assertions.assertThat(country.evaluationLate()).isTrue();
      Assertions.assertThat(country.remindersSent()).isEqualTo(1);
    });
  }

  @Test
  void evaluationSubmittedWhileTheSecretariatFollowsUpClosesTheFollowUp() {
    ProcessInstance rollout = start("T-followup-1.0", List.of("Module 1"), List.of("CO"),
        List.of("es"), 7);
    releaseTranslateAndTrain(rollout.getId());
    ProcessInstance colombia = country(rollout.getId(), "CO");
    planWorkshop(colombia, "Cúcuta");
    deliverWorkshop(colombia, 3, 2, "Plan International: 5", "55", "80");
    // 7 days from 26 February: due at the end of 5 March
    Assertions.assertThat(task(colombia, "Task_SubmitEvaluation").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-03-06T00:00:00Z")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-07T08:00:00Z")));
    dueTimers(colombia).forEach(job -> management.executeJob(job.getId()));
    Assertions.assertThat(task(colombia, "Task_FollowUpOverdueEvaluation")).isNotNull();
    submitEvaluation(colombia, 5);
    assertThat(colombia).isEnded().hasNotPassed("Event_FollowedUp");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(colombia.getId()).count())
        .isZero();
  }

  @Test
  void withdrawnCountriesDoNotHoldUpTheOthers() throws Exception {
    ProcessInstance rollout = start("T-withdrawn-1.0", List.of("Module 1"),
        List.of("LB", "CO", "SD"), List.of("ar"));
    String id = rollout.getId();
    releaseTranslateAndTrain(id);
    ProcessInstance lebanon = country(id, "LB");
    ProcessInstance colombia = country(id, "CO");
    ProcessInstance sudan = country(id, "SD");

    // Lebanon cannot hold the workshop at all.
    Task plan = task(lebanon, "Task_PlanWorkshop");
    Assertions.assertThatThrownBy(() -> tasks.complete(plan.getId(),
        Map.of("workshopGoesAhead", "false"))).hasMessageContaining("Reason for the withdrawal");
    tasks.complete(plan.getId(), Map.of("workshopGoesAhead", "false",
        "withdrawalReason", "Security situation in the south: no travel"));
    assertThat(lebanon).isEnded().hasPassed("Event_WithdrawnAtPlanning");

    // Colombia planned, then withdrawn by its co-lead through the API.
    planWorkshop(colombia, "Cúcuta");
    String withdrawal = "/api/training-rollouts/" + id + "/countries/co/withdrawal";
    var missingReason = http.post(withdrawal, "co.unicef", "{\"reason\": \"  \"}");
    Assertions.assertThat(missingReason.statusCode()).isEqualTo(400);
    Assertions.assertThat(json.readTree(missingReason.body()).at("/errors/0/field").asText())
        .isEqualTo("reason");
    Assertions.assertThat(http.post(withdrawal, "lb.unicef",
        "{\"reason\": \"not my country\"}").statusCode()).isEqualTo(404);
    assertThat(colombia).isWaitingAt("Task_DeliverWorkshop");

    // Sudan completes while Colombia is still open: the rollout waits for Colombia only.
    planWorkshop(sudan, "Khartoum");
    deliverWorkshop(sudan, 6, 4, "Save the Children: 10", "40, 50", "60, 70");
    submitEvaluation(sudan, 10);
    executeJobs(id);
    assertThat(sudan).isEnded();
    assertThat(rollout).isWaitingAt("CallActivity_CountryRollout");

    var withdrawn = http.post(withdrawal, "co.unicef",
        "{\"reason\": \"Armed strike in Norte de Santander\"}");
    Assertions.assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
    assertThat(colombia).isEnded().hasPassed("Event_WithdrawalRequested", "Event_CountryWithdrawn")
        .hasNotPassed("SubProcess_Evaluation");
    executeJobs(id);

    assertThat(rollout).isWaitingAt("Task_RecordLessonsLearned");
    var results = (RolloutResults) runtime.getVariable(id, "rolloutResults");
    Assertions.assertThat(results.countriesReached())
        .extracting(RolloutResults.CountryResult::country).containsExactly("SD");
    Assertions.assertThat(results.countriesWithdrawn()).extracting(
            RolloutResults.WithdrawnCountry::country, RolloutResults.WithdrawnCountry::reason,
            RolloutResults.WithdrawnCountry::stage)
        .containsExactly(
            Assertions.tuple("CO", "Armed strike in Norte de Santander", "delivery"),
            Assertions.tuple("LB", "Security situation in the south: no travel", "planning"));

    tasks.complete(task(rollout, "Task_RecordLessonsLearned").getId(),
        Map.of("lessonsLearned", "Keep a fallback venue."));
    executeJobs(id);
    String text = pdfText(http.getBytes("/api/training-rollouts/" + id + "/document",
        "secretariat").body());
    Assertions.assertThat(text).contains("Countries withdrawn").contains("Lebanon")
        .contains("Security situation in the south: no travel").contains("workshop planning")
        .contains("Armed strike in Norte de Santander").contains("Sudan");
  }

  @Test
  void coLeadSeesTheirCountrysTaskOnly() throws Exception {
    ProcessInstance rollout = start("T-isolation-1.0", List.of("Module 1"), List.of("LB", "CO"),
        List.of("fr"));
    releaseTranslateAndTrain(rollout.getId());
    ProcessInstance lebanon = country(rollout.getId(), "LB");
    ProcessInstance colombia = country(rollout.getId(), "CO");
    String lebanonTask = task(lebanon, "Task_PlanWorkshop").getId();
    String colombiaTask = task(colombia, "Task_PlanWorkshop").getId();

    Assertions.assertThat(taskIds("/engine-rest/task?processInstanceId=" + lebanon.getId(),
        "lb.unicef")).containsExactly(lebanonTask);
    Assertions.assertThat(taskIds("/engine-rest/task?processInstanceId=" + colombia.getId(),
        "lb.unicef")).isEmpty();
    Assertions.assertThat(taskIds("/engine-rest/task?processInstanceId=" + colombia.getId(),
        "co.unicef")).containsExactly(colombiaTask);
    Assertions.assertThat(taskIds("/engine-rest/task?processInstanceId=" + lebanon.getId(),
        "co.unicef")).isEmpty();
    Assertions.assertThat(http.get("/engine-rest/task/" + colombiaTask, "lb.unicef").statusCode())
        .isEqualTo(404);
    Assertions.assertThat(taskIds("/engine-rest/task?taskDefinitionKey=Task_PlanWorkshop",
        "lb.unicef")).contains(lebanonTask).doesNotContain(colombiaTask);
    // the co-lead opens the task's form and completes it as Tasklist does
    Assertions.assertThat(http.get("/engine-rest/task/" + lebanonTask + "/deployed-form",
        "lb.unicef").statusCode()).isEqualTo(200);
    var incomplete = http.post("/engine-rest/task/" + lebanonTask + "/submit-form", "lb.unicef",
        "{\"variables\": {\"workshopGoesAhead\": {\"value\": \"true\"}}}");
    Assertions.assertThat(incomplete.statusCode()).isEqualTo(400);
    Assertions.assertThat(incomplete.body()).contains("Location: is required");
    assertThat(lebanon).isWaitingAt("Task_PlanWorkshop");
    var completed = http.post("/engine-rest/task/" + lebanonTask + "/submit-form", "lb.unicef", """
        {"variables": {"workshopGoesAhead": {"value": "true"},
          "workshopLocation": {"value": "Zahlé"},
          "plannedStartDate": {"value": "2027-04-05"}, "plannedEndDate": {"value": "2027-04-09"}}}""");
    Assertions.assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(lebanon).isWaitingAt("Task_DeliverWorkshop");

    // Country instances: each co-lead sees their own; the Secretariat sees both; the rollout itself
    // (with every country's results) is not visible to co-leads.
    Assertions.assertThat(ids("/engine-rest/process-instance?superProcessInstance="
        + rollout.getId(), "lb.unicef")).containsExactly(lebanon.getId());
    Assertions.assertThat(ids("/engine-rest/process-instance?superProcessInstance="
        + rollout.getId(), "secretariat")).containsExactlyInAnyOrder(lebanon.getId(),
        colombia.getId());
    Assertions.assertThat(http.get("/engine-rest/process-instance/" + rollout.getId(),
        "lb.unicef").statusCode()).isEqualTo(404);
    Assertions.assertThat(taskIds("/engine-rest/task?processInstanceId=" + colombia.getId(),
        "secretariat")).containsExactly(colombiaTask);

    // both co-leads of Lebanon finish their country through the REST API, as Tasklist does
    submitForm(task(lebanon, "Task_DeliverWorkshop").getId(), "lb.savethechildren", """
        {"workshopStartDate": {"value": "2027-02-22"}, "workshopEndDate": {"value": "2027-02-24"},
         "participantsFemale": {"value": 2, "type": "Integer"},
         "participantsMale": {"value": 1, "type": "Integer"},
         "participantsByOrganisation": {"value": "UNICEF: 1\\nLebanese Red Cross: 2"},
         "preTestScores": {"value": "40, 50, 60"}, "postTestScores": {"value": "70, 80, 90"}}""");
    submitForm(task(lebanon, "Task_SubmitEvaluation").getId(), "lb.unicef", """
        {"evaluationSummary": {"value": "Useful"},
         "participantList": {"value": "Hiba K.\\nSami R.\\nMaya T."}}""");
    assertThat(lebanon).isEnded();
  }

  @Test
  void startRequestIsValidatedFieldByFieldAndChangesNothing() throws Exception {
    long before = rollouts();
    assertRefused("{\"modules\": [\"M\"], \"countries\": [\"LB\"], \"languages\": [\"fr\"]}",
        "packageVersion");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [], \"countries\": [\"LB\"],"
        + " \"languages\": [\"fr\"]}", "modules");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": \"M\", \"countries\": [\"LB\"],"
        + " \"languages\": [\"fr\"]}", "modules");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\", \"M\"],"
        + " \"countries\": [\"LB\"], \"languages\": [\"fr\"]}", "modules");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\"], \"countries\": [\"XX\"],"
        + " \"languages\": [\"fr\"]}", "countries");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\"], \"countries\": [\"LB\"],"
        + " \"languages\": [\"de\"]}", "languages");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\"], \"countries\": [\"LB\"],"
        + " \"languages\": [\"fr\"], \"evaluationPeriodDays\": 0}", "evaluationPeriodDays");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\"], \"countries\": [\"LB\"],"
        + " \"languages\": [\"fr\"], \"evaluationPeriodDays\": \"soon\"}", "evaluationPeriodDays");
    assertRefused("{\"packageVersion\": \"T-bad\", \"modules\": [\"M\"], \"countries\": [\"LB\"],"
        + " \"languages\": [\"fr\"], \"reportLanguage\": \"xx\"}", "reportLanguage");
    assertRefused("{not json", "body");
    Assertions.assertThat(rollouts()).isEqualTo(before);

    // only the Secretariat starts a rollout
    var forbidden = http.post("/api/training-rollouts", "lb.unicef", "{\"packageVersion\": \"T-x\","
        + " \"modules\": [\"M\"], \"countries\": [\"LB\"], \"languages\": [\"fr\"]}");
    Assertions.assertThat(forbidden.statusCode()).isEqualTo(403);
    Assertions.assertThat(rollouts()).isEqualTo(before);
  }

  @Test
  void tasklistStartFormIsValidatedAndNormalised() throws Exception {
    long before = rollouts();
    String path = "/engine-rest/process-definition/key/trainingPackageRollout/submit-form";
    var refused = http.post(path, "secretariat", """
        {"variables": {"packageVersion": {"value": "T-form-bad"},
          "modules": {"value": "Module 1"}, "countries": {"value": "LB, ZZ"},
          "languages": {"value": "[\\"fr\\"]", "type": "Json"}}}""");
    Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    Assertions.assertThat(refused.body()).contains("countries");
    Assertions.assertThat(rollouts()).isEqualTo(before);

    var started = http.post(path, "secretariat", """
        {"variables": {"packageVersion": {"value": "T-form-1.0"},
          "modules": {"value": "Module 1: Minimum Standards\\nModule 2: Coordination\\n"},
          "countries": {"value": "lb, co"},
          "languages": {"value": "[\\"fr\\", \\"es\\"]", "type": "Json"},
          "reportLanguage": {"value": "fr"}}}""");
    Assertions.assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = json.readTree(started.body()).get("id").asText();
    Assertions.assertThat(runtime.getVariable(id, "modules"))
        .isEqualTo(List.of("Module 1: Minimum Standards", "Module 2: Coordination"));
    Assertions.assertThat(runtime.getVariable(id, "countries")).isEqualTo(List.of("LB", "CO"));
    Assertions.assertThat(runtime.getVariable(id, "languages")).isEqualTo(List.of("fr", "es"));
    Assertions.assertThat(runtime.getVariable(id, "evaluationPeriodDays")).isEqualTo(14);
    Assertions.assertThat(instance(id).getBusinessKey()).isEqualTo("training-T-form-1.0-20270301-090000");
    Assertions.assertThat(tasks(id, "Task_ConfirmModuleAlignment")).hasSize(2);
    // a co-lead may not start one
    Assertions.assertThat(http.post(path, "co.unicef", "{\"variables\": {}}").statusCode())
        .isIn(403, 404);
  }

  // ---------------------------------------------------------------- steps, as the users take them

  private ProcessInstance start(String version, List<String> modules, List<String> countries,
      List<String> languages) {
    return start(version, modules, countries, languages, null);
  }

  private ProcessInstance start(String version, List<String> modules, List<String> countries,
      List<String> languages, Integer evaluationPeriodDays) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("packageVersion", version);
    variables.put("modules", String.join("\n", modules));
    variables.put("countries", String.join(", ", countries));
    variables.put("languages", String.join(",", languages));
    if (evaluationPeriodDays != null) {
      variables.put("evaluationPeriodDays", evaluationPeriodDays);
    }
    return runtime.startProcessInstanceByKey("trainingPackageRollout", version, variables);
  }

  private void releaseTranslateAndTrain(String id) {
    tasks(id, "Task_ConfirmModuleAlignment")
        .forEach(task -> tasks.complete(task.getId(), Map.of("moduleAligned", "true")));
    translateAndValidate(id);
    trainTrainers(id);
  }

  private void translateAndValidate(String id) {
    List<Task> translations = tasks(id, "Task_TranslatePackage");
    for (Task translation : translations) {
      Assertions.assertThat(translation.getName()).startsWith("Translate the package (");
      tasks.complete(translation.getId(), Map.of("translationLink", "https://example.org/t"));
    }
    tasks(id, "Task_ValidateTranslation").forEach(task ->
        tasks.complete(task.getId(), Map.of("translationValidated", "true")));
  }

  private void trainTrainers(String id) {
    Task trainers = tasks(id, "Task_TrainTrainers").get(0);
    assertThat(trainers).hasCandidateGroup("inee-secretariat");
    Assertions.assertThatThrownBy(() -> tasks.complete(trainers.getId(), Map.of(
            "totLocation", "Amman", "totStartDate", "2027-01-14", "totEndDate", "2027-01-10",
            "facilitators", "Rania Haddad; UNICEF; LB; plan")))
        .hasMessageContaining("Last day");
    tasks.complete(trainers.getId(), Map.of("totLocation", "Amman",
        "totStartDate", "2027-01-10", "totEndDate", "2027-01-14",
        "facilitators", "Rania Haddad; UNICEF; Lebanon; Cascade to 3 governorates by June\n"
            + "Diego Mora; NRC; Colombia; Two workshops in Arauca"));
  }

  private void planWorkshop(ProcessInstance country, String location) {
    Task plan = task(country, "Task_PlanWorkshop");
    assertThat(plan).hasCandidateGroup("coleads-" + country.getTenantId());
    tasks.complete(plan.getId(), Map.of("workshopGoesAhead", "true",
        "workshopLocation", location, "plannedStartDate", "2027-02-22",
        "plannedEndDate", "2027-02-26", "leadFacilitators", "Rania Haddad"));
  }

  private void deliverWorkshop(ProcessInstance country, int female, int male,
      String organisations, String pre, String post) {
    Task deliver = task(country, "Task_DeliverWorkshop");
    assertThat(deliver).hasCandidateGroup("coleads-" + country.getTenantId());
    Map<String, Object> values = new HashMap<>(Map.of("workshopStartDate", "2027-02-22",
        "workshopEndDate", "2027-02-26", "participantsFemale", female, "participantsMale", male,
        "participantsByOrganisation", organisations, "preTestScores", pre,
        "postTestScores", post));
    // a workshop recorded before it ends is refused, naming the field
    Map<String, Object> future = new HashMap<>(values);
    future.put("workshopEndDate", "2027-03-05");
    Assertions.assertThatThrownBy(() -> tasks.complete(deliver.getId(), future))
        .hasMessageContaining("Last day");
    int total = female + male;
    if (organisations.contains("NRC: 16")) {
      values.put("participantsOther", 1);
    } else {
      Map<String, Object> wrongSum = new HashMap<>(values);
      wrongSum.put("participantsByOrganisation", "UNICEF: " + (total + 1));
      Assertions.assertThatThrownBy(() -> tasks.complete(deliver.getId(), wrongSum))
          .hasMessageContaining("Participants by organisation");
    }
    tasks.complete(deliver.getId(), values);
  }

  private void submitEvaluation(ProcessInstance country, int participants) {
    Task evaluation = task(country, "Task_SubmitEvaluation");
    assertThat(evaluation).hasCandidateGroup("coleads-" + country.getTenantId());
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= participants; i++) {
      names.add("Participant " + i + ", Organisation");
    }
    Assertions.assertThatThrownBy(() -> tasks.complete(evaluation.getId(), Map.of(
            "evaluationSummary", "Good", "participantList", "Only one")))
        .hasMessageContaining("Participant list");
    tasks.complete(evaluation.getId(), Map.of("evaluationSummary",
        "Participants rated the workshop 4.5 of 5", "participantList", String.join("\n", names)));
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private ProcessInstance country(String rolloutId, String country) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(rolloutId)
        .variableValueEquals("country", country).singleResult();
  }

  private List<Task> tasks(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .list();
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private List<Job> dueTimers(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().executable()
        .list();
  }

  /** Executes the rollout's due asynchronous continuations until none is left. */
  private void executeJobs(String rolloutId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(rolloutId).executable()
          .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private void submitForm(String taskId, String user, String variables) {
    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", user,
        "{\"variables\": " + variables + "}");
    Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private long rollouts() {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("trainingPackageRollout").count();
  }

  private void assertRefused(String body, String field) throws Exception {
    var response = http.post("/api/training-rollouts", "secretariat", body);
    Assertions.assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).at("/errors/0");
    Assertions.assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
    Assertions.assertThat(error.get("message").asText()).isNotBlank();
  }

  private List<String> taskIds(String path, String user) throws Exception {
    return ids(path, user);
  }

  private List<String> ids(String path, String user) throws Exception {
    var response = http.get(path, user);
    Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.body()).forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      // lines wrap where the layout wraps them: compare words, not line breaks
      return new PDFTextStripper().getText(document).replace('\u00a0', ' ')
          .replaceAll("\\s+", " ");
    }
  }
}
