package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The end-of-cycle evaluation, recorded for the plan document with the evaluator's name. */
@Tag("fast")
class RecordEvaluationTest {

  static String key;

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    key = PlanningStep.deploy("recordEvaluation",
        new RecordEvaluation(InMemoryEngine.currentUser()), "Task_EvaluateCycle");
    InMemoryEngine.user("inee.secretariat", "Dean", "Brooks", "inee-secretariat");
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  @Test
  void theEvaluationIsRecordedWithTheCycleAndWhoWroteIt() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2029-12-01T09:00:00Z")));
    ProcessInstance cycle = start(key, Map.of("cycleLabel", "2027-2029"));

    PlanningStep.complete(cycle, Map.of("evaluationSummary", "Most targets met",
        "lessonsLearned", "Start the consultation earlier", "recommendations", "Fewer priorities"),
        "inee.secretariat", "inee-secretariat");

    assertThat(recorded(cycle, "evaluation")).isEqualTo(new Evaluation("2027-2029",
        "Most targets met", "Start the consultation earlier", "Fewer priorities",
        "inee.secretariat", "Dean Brooks", "2029-12-01T09:00:00Z"));
  }

  @Test
  void eachMissingPartIsNamed() {
    ProcessInstance cycle = start(key, Map.of("cycleLabel", "2027-2029"));

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("evaluationSummary", "Most targets met"), "inee.secretariat",
        "inee-secretariat")).errors()).extracting(e -> e.field())
        .containsExactly("lessonsLearned", "recommendations");
    assertThat(recorded(cycle, "evaluation")).isNull();
  }
}
