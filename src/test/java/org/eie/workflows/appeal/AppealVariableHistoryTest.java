package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the history keeps of the appeal's aggregated {@code projects} variable: its current value
 * (with every project) and its first value, not a whole copy at each of its updates; the
 * changes of plain values and the task history stay complete (operations/AggregateVariableHistory).
 */
class AppealVariableHistoryTest extends PostgresApplicationTest {

  private static final int PROJECTS = 3;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void theProjectsListIsKeptOnceWithAllItsProjectsNotCopiedAtEveryUpdate() {
    BpmnAwareTests.init(engine);
    var scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    for (int project = 1; project <= PROJECTS; project++) {
      scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
          "Back to learning " + project, "Beirut",
          Map.of("budgetTemporaryLearningSpaces", 1000.0 * project)));
    }
    var history = engine.getHistoryService();

    var current = history.createHistoricVariableInstanceQuery()
        .processInstanceId(appeal.getId()).variableName(AppealVariables.PROJECTS).singleResult();
    assertThat(((PartnerProjects) current.getValue()).projects()).hasSize(PROJECTS);

    var copies = history.createHistoricDetailQuery().variableUpdates()
        .variableInstanceId(current.getId()).list();
    assertThat(copies).as("one copy of the list: its first value, not one per project")
        .hasSize(1);

    var plainChanges = history.createHistoricDetailQuery().variableUpdates()
        .processInstanceId(appeal.getId()).list().stream()
        .map(detail -> ((HistoricVariableUpdate) detail).getVariableName()).toList();
    assertThat(plainChanges).as("plain values keep their history").contains("country");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(appeal.getId())
        .finished().count()).as("the steps done so far").isGreaterThanOrEqualTo(3);
  }
}
