package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.NOW;
import static org.eie.workflows.appeal.AppealScenario.project;
import static org.eie.workflows.appeal.AppealScenario.vetting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the dashboard, the read API and the exports read of an appeal, through the types the
 * appeal publishes: the facts, the trigger, the accepted projects (the requirements export's
 * rows) and the deadlines in force at a moment.
 */
class AppealRecordsTest extends PostgresApplicationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AppealRecords records;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAppealReadsAsItsFactsTriggerAcceptedProjectsAndDeadlines() {
    BpmnAwareTests.init(engine);
    var scenario = new AppealScenario(engine);
    AppealScenario.clock(NOW);
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", project("Accepted one",
        "Beirut", Map.of("budgetTemporaryLearningSpaces", 250000.0,
            "budgetPsychosocialSupport", 50000.0)));
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", project("Rejected one",
        "Beirut", Map.of("budgetPsychosocialSupport", 90000.0)));
    scenario.closeCall(appeal);
    for (var task : scenario.tasks(appeal, "Task_VetProject")) {
      boolean reject = ((String) engine.getTaskService().getVariable(task.getId(),
          AppealVariables.PROJECT_SUMMARY)).contains("Rejected one");
      scenario.submit("lb.unicef", task, vetting(reject ? "REJECT" : "ACCEPT", "Scored"));
    }
    scenario.asSystem();
    List<String> ids = List.of(appeal.getId());

    var facts = records.facts(ids).get(appeal.getId());
    assertThat(facts.appealType()).isEqualTo("FLASH_APPEAL");
    assertThat(facts.onset()).isEqualTo(AppealScenario.ONSET);
    assertThat(facts.submissionDeadline()).isEqualTo(AppealScenario.SUBMISSION_DEADLINE);
    assertThat(facts.signedOff()).isNull();
    assertThat(facts.damaged()).isEmpty();

    var trigger = records.triggers(ids).get(appeal.getId());
    assertThat(trigger.emergencyType()).isEqualTo("Explosion");
    assertThat(trigger.situationSummary()).startsWith("A large explosion in the port");
    assertThat(trigger.affectedAreas()).containsExactly("Beirut", "برج حمود", "Mount Lebanon");

    var accepted = records.acceptedProjects(ids).get(appeal.getId());
    assertThat(accepted).extracting(AppealRecords.AcceptedProject::title)
        .containsExactly("Accepted one");
    var project = accepted.get(0);
    assertThat(project.partner()).isEqualTo("Lebanese Education Association");
    assertThat(project.locations()).containsExactly("Beirut");
    assertThat(project.girlsTargeted()).isEqualTo(1200);
    assertThat(project.boysTargeted()).isEqualTo(1100);
    assertThat(project.activities()).extracting(AppealRecords.Activity::code)
        .containsExactly("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    assertThat(project.activities()).extracting(AppealRecords.Activity::budgetUsd)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("250000"), new BigDecimal("50000"));

    var deadlines = records.pastDeadlines(appeal.getId());
    assertThat(deadlines.submissionDeadline(NOW.minus(Duration.ofMinutes(1))))
        .as("before the plan set it").isNull();
    assertThat(deadlines.submissionDeadline(NOW.plus(Duration.ofMinutes(1))))
        .isEqualTo(AppealScenario.SUBMISSION_DEADLINE);

    var history = engine.getHistoryService();
    assertThat(AppealRecords.ofType(history.createHistoricProcessInstanceQuery()
        .processInstanceId(appeal.getId()), "FLASH_APPEAL").count()).isOne();
    assertThat(AppealRecords.ofType(history.createHistoricProcessInstanceQuery()
        .processInstanceId(appeal.getId()), "HRP_REVISION").count()).isZero();
  }
}
