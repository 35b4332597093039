package org.eie.workflows.training;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.eie.workflows.InMemoryEngine.submit;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.training.RolloutResults.CountryResult;
import org.eie.workflows.training.RolloutResults.WithdrawnCountry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A training package's rollout (bpmn/training/trainingPackageRollout.bpmn) on the in-memory
 * engine without Spring, with its real delegates: a bad request starts nothing; each module is
 * confirmed by the working group or revised and reviewed again; each translation is validated or
 * redone; after the training of trainers every country rolls out, and the countries' outcomes are
 * consolidated before the Secretariat's lessons learned. The rollout report itself (rendered and
 * stored by the application) is left as the waiting job it is here.
 */
@Tag("fast")
class TrainingPackageRolloutProcessTest {

  static final String SECRETARIAT = "secretariat";
  static ProcessEngine engine;

  @BeforeAll
  static void deploy() {
    engine = TrainingProcesses.deployed();
  }

  /** The application's tests that follow in this JVM assert on their own engine. */
  @AfterAll
  static void forgetTheEngine() {
    BpmnAwareTests.reset();
  }

  @BeforeEach
  void afterTheWorkshops() {
    ClockUtil.setCurrentTime(Date.from(TrainingCountryRolloutProcessTest.WORKSHOP_OVER));
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static Map<String, Object> request(String countries) {
    Map<String, Object> request = new HashMap<>();
    request.put("packageVersion", "2.1");
    request.put("modules", "Module A\nModule B");
    request.put("countries", countries);
    request.put("languages", "fr");
    return request;
  }

  static Task open(ProcessInstance rollout, String name) {
    return engine.getTaskService().createTaskQuery().processInstanceId(rollout.getId())
        .taskName(name).singleResult();
  }

  static void complete(Task task, Map<String, Object> form, String userId, String group) {
    InMemoryEngine.asUser(userId, new String[] {group},
        () -> engine.getFormService().submitTaskForm(task.getId(), form));
  }

  static void confirm(ProcessInstance rollout, String module) {
    complete(open(rollout, "Confirm alignment: " + module), Map.of("moduleAligned", true),
        "wg.member", "inee-standards-practice-wg");
  }

  static void releaseAndTranslate(ProcessInstance rollout) {
    confirm(rollout, "Module A");
    confirm(rollout, "Module B");
    complete(open(rollout, "Translate the package (fr)"), Map.of(), "fr.translator",
        "language-fr");
    complete(open(rollout, "Validate the translation (fr)"),
        Map.of("translationValidated", true), "fr.reviewer", "language-fr");
  }

  static ProcessInstance countryOf(ProcessInstance rollout, String country) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(rollout.getId()).variableValueEquals("country", country)
        .singleResult();
  }

  @Test
  void aRequestNamingAnUnknownCountryStartsNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("trainingPackageRollout").count();

    Assertions.assertThatThrownBy(() -> InMemoryEngine.start("trainingPackageRollout",
        request("NG, XX")))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          Assertions.assertThat(refused.field()).isEqualTo("countries");
          Assertions.assertThat(refused.getMessage()).contains("'XX' is not a country cluster");
        });
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("trainingPackageRollout").count()).isEqualTo(before);
  }

  @Test
  void eachModuleIsConfirmedByTheWorkingGroup() {
    ProcessInstance rollout = InMemoryEngine.start("trainingPackageRollout", request("NG"));

    assertThat(rollout).isWaitingAt("Task_ConfirmModuleAlignment");
    Assertions.assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceId(rollout.getId()).taskCandidateGroup("inee-standards-practice-wg")
        .list()).extracting(Task::getName)
        .containsExactlyInAnyOrder("Confirm alignment: Module A", "Confirm alignment: Module B");
    // Started without a business key (from Tasklist): it gets a readable one for Cockpit.
    Assertions.assertThat(rollout.getBusinessKey()).isEqualTo("training-2.1-20260520-100000");
  }

  @Test
  void aModuleSentBackIsRevisedAndReviewedAgainBeforeTranslation() {
    ProcessInstance rollout = InMemoryEngine.start("trainingPackageRollout", request("NG"));
    confirm(rollout, "Module A");

    complete(open(rollout, "Confirm alignment: Module B"), Map.of("moduleAligned", false,
        "alignmentComment", "Cite Standard 2"), "wg.member", "inee-standards-practice-wg");

    assertThat(rollout).isWaitingAt("Task_ReviseModule").hasNotPassed("Task_TranslatePackage");
    complete(open(rollout, "Revise module: Module B"), Map.of(), SECRETARIAT,
        "inee-secretariat");
    confirm(rollout, "Module B");
    assertThat(rollout).isWaitingAt("Task_TranslatePackage");
  }

  @Test
  void aTranslationNotValidatedIsTranslatedAgain() {
    ProcessInstance rollout = InMemoryEngine.start("trainingPackageRollout", request("NG"));
    confirm(rollout, "Module A");
    confirm(rollout, "Module B");
    complete(open(rollout, "Translate the package (fr)"), Map.of(), "fr.translator",
        "language-fr");

    complete(open(rollout, "Validate the translation (fr)"), Map.of("translationValidated",
        false, "validationComment", "Glossary terms"), "fr.reviewer", "language-fr");

    assertThat(rollout).isWaitingAt("Task_TranslatePackage").hasNotPassed("Task_TrainTrainers");
  }

  @Test
  void everyCountryRollsOutAndTheirOutcomesAreConsolidatedBeforeTheLessonsLearned() {
    ProcessInstance rollout = InMemoryEngine.start("trainingPackageRollout",
        request("NG, CO"));
    releaseAndTranslate(rollout);
    complete(open(rollout, "Record the training of trainers"),
        RecordTrainingOfTrainersTest.form(), SECRETARIAT, "inee-secretariat");

    assertThat(rollout).isWaitingAt("CallActivity_CountryRollout");
    ProcessInstance nigeria = countryOf(rollout, "NG");
    ProcessInstance colombia = countryOf(rollout, "CO");
    submit(colombia, Map.of("workshopGoesAhead", false, "withdrawalReason", "Floods"),
        "co.unicef", "coleads-CO");
    submit(nigeria, RecordWorkshopPlanTest.goesAhead(), "ng.unicef", "coleads-NG");
    submit(nigeria, RecordWorkshopDeliveryTest.form(), "ng.unicef", "coleads-NG");
    submit(nigeria, TrainingCountryRolloutProcessTest.evaluation(), "ng.unicef", "coleads-NG");
    engine.getManagementService().createJobQuery().processInstanceId(rollout.getId()).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));

    assertThat(rollout).isWaitingAt("Task_RecordLessonsLearned")
        .hasPassed("Task_ConsolidateResults");
    var results = (RolloutResults) engine.getRuntimeService()
        .getVariable(rollout.getId(), "rolloutResults");
    Assertions.assertThat(results.countriesReached()).extracting(CountryResult::countryName)
        .containsExactly("Nigeria");
    Assertions.assertThat(results.countriesWithdrawn())
        .extracting(WithdrawnCountry::countryName, WithdrawnCountry::reason)
        .containsExactly(Assertions.tuple("Colombia", "Floods"));
    Assertions.assertThat(results.participantsTotal()).isEqualTo(5);
    Assertions.assertThat(results.facilitatorsTrained()).isEqualTo(2);

    complete(open(rollout, "Record lessons learned"), Map.of("lessonsLearned",
        "Translate before the training of trainers"), SECRETARIAT, "inee-secretariat");
    assertThat(rollout).isWaitingAt("Task_ProduceRolloutReport");
    Assertions.assertThat(engine.getManagementService().createJobQuery()
        .processInstanceId(rollout.getId()).activityId("Task_ProduceRolloutReport").list())
        .hasSize(1);
  }
}
