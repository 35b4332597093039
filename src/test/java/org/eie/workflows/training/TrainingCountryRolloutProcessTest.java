package org.eie.workflows.training;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One country's rollout (bpmn/training/trainingCountryRollout.bpmn) on the in-memory engine
 * without Spring, with its real recorders: the co-leads plan the workshop or withdraw the country,
 * record it once delivered, and submit the evaluation; a reminder before the deadline puts the
 * task on top of their list, and once overdue the Secretariat follows it up; a withdrawal message
 * ends the country wherever it stands. Timers are driven by moving the engine clock.
 */
@Tag("fast")
class TrainingCountryRolloutProcessTest {

  static final String[] CO_LEAD = {"coleads-NG"};
  static final Instant WORKSHOP_OVER = Instant.parse("2026-05-20T10:00:00Z");

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
  void afterTheWorkshop() {
    ClockUtil.setCurrentTime(Date.from(WORKSHOP_OVER));
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static ProcessInstance country() {
    return InMemoryEngine.start("trainingCountryRollout", Map.of("country", "NG"));
  }

  static ProcessInstance delivered() {
    ProcessInstance country = country();
    submit(country, RecordWorkshopPlanTest.goesAhead(), "ng.unicef", CO_LEAD);
    submit(country, RecordWorkshopDeliveryTest.form(), "ng.unicef", CO_LEAD);
    return country;
  }

  static Job timer(ProcessInstance country, String boundaryEvent) {
    return engine.getManagementService().createJobQuery().processInstanceId(country.getId())
        .activityId(boundaryEvent).singleResult();
  }

  static Map<String, Object> evaluation() {
    return Map.of("evaluationSummary", "Well received", "participantList",
        "Amina\nJohn\nGrace\nIbrahim\nFatima");
  }

  @Test
  void theCountrysCoLeadsPlanTheWorkshop() {
    ProcessInstance country = country();

    assertThat(country).isWaitingAt("Task_PlanWorkshop").task()
        .hasCandidateGroup("coleads-NG").hasName("Plan the training workshop (NG)");
  }

  @Test
  void aWorkshopThatCannotGoAheadWithdrawsTheCountryAtPlanning() {
    ProcessInstance country = country();

    submit(country, Map.of("workshopGoesAhead", false, "withdrawalReason", "Insecurity"),
        "ng.unicef", CO_LEAD);

    assertThat(country).isEnded().hasPassed("Event_WithdrawnAtPlanning")
        .hasNotPassed("Task_DeliverWorkshop");
  }

  @Test
  void aDeliveredWorkshopWaitsForItsEvaluationDueFromTheWorkshopsLastDay() {
    ProcessInstance country = delivered();

    assertThat(country).isWaitingAt("Task_SubmitEvaluation");
    Task evaluation = task(country);
    Assertions.assertThat(evaluation.getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-05-28T00:00:00Z")));
    Assertions.assertThat(timer(country, "Event_EvaluationReminder").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-05-25T00:00:00Z")));
    Assertions.assertThat(timer(country, "Event_EvaluationOverdue").getDuedate())
        .isEqualTo(evaluation.getDueDate());
  }

  @Test
  void anEvaluationOnTimeCompletesTheCountryWithoutReminderOrFollowUp() {
    ProcessInstance country = delivered();

    submit(country, evaluation(), "ng.unicef", CO_LEAD);

    assertThat(country).isEnded().hasPassed("Event_CountryRolloutCompleted")
        .hasNotPassed("Task_SendReminder", "Task_FollowUpOverdueEvaluation");
    Assertions.assertThat(timer(country, "Event_EvaluationOverdue")).isNull();
  }

  @Test
  void theReminderPutsTheEvaluationOnTopOfTheCoLeadsListWithItsDeadline() {
    ProcessInstance country = delivered();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-25T00:00:01Z")));

    engine.getManagementService().executeJob(timer(country, "Event_EvaluationReminder").getId());

    assertThat(country).isWaitingAt("Task_SubmitEvaluation").hasPassed("Task_SendReminder");
    Task evaluation = task(country);
    Assertions.assertThat(evaluation.getPriority())
        .isEqualTo(RemindEvaluationDue.REMINDED_PRIORITY);
    Assertions.assertThat(engine.getTaskService().getTaskComments(evaluation.getId()))
        .singleElement().satisfies(comment -> Assertions.assertThat(comment.getFullMessage())
            .contains("2026-05-28T00:00:00Z"));
    Assertions.assertThat(engine.getRuntimeService().getVariable(country.getId(),
        "remindersSent")).isEqualTo(1);
  }

  @Test
  void anOverdueEvaluationIsFollowedUpByTheSecretariatAndStillTakenLate() {
    ProcessInstance country = delivered();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-28T00:00:01Z")));

    engine.getManagementService().executeJob(timer(country, "Event_EvaluationOverdue").getId());

    assertThat(country).isWaitingAt("Task_SubmitEvaluation", "Task_FollowUpOverdueEvaluation");
    assertThat(BpmnAwareTests.task("Task_FollowUpOverdueEvaluation", country))
        .hasCandidateGroup("inee-secretariat");
    BpmnAwareTests.complete(BpmnAwareTests.task("Task_FollowUpOverdueEvaluation", country));
    submit(country, evaluation(), "ng.unicef", CO_LEAD);

    assertThat(country).isEnded().hasPassed("Event_CountryRolloutCompleted");
    var report = (EvaluationReport) InMemoryEngine.recorded(country, "evaluationReport");
    Assertions.assertThat(report.late()).isTrue();
  }

  @Test
  void aWithdrawalEndsTheCountryWhereverItStands() {
    ProcessInstance country = country();
    submit(country, RecordWorkshopPlanTest.goesAhead(), "ng.unicef", CO_LEAD);

    engine.getRuntimeService().createMessageCorrelation(TrainingVariables.WITHDRAWAL_MESSAGE)
        .processInstanceId(country.getId()).correlate();

    assertThat(country).isEnded().hasPassed("Event_CountryWithdrawn")
        .hasNotPassed("SubProcess_Evaluation");
    Assertions.assertThat(InMemoryEngine.recorded(country, "workshopDelivery")).isNull();
  }
}
