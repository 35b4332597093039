package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Member feedback on both drafts: kept for both revising teams, and marked as gathered so a
 * later round does not ask for it again.
 */
@Tag("fast")
class RecordFeedbackTest {

  static String key;

  @BeforeAll
  static void deploy() {
    key = PlanningStep.deploy("recordFeedback", new RecordFeedback(),
        "Task_GatherMemberFeedback");
  }

  @Test
  void theFeedbackIsKeptAndMarkedGatheredForTheCycle() {
    ProcessInstance cycle = start(key, Map.of("feedbackGathered", false));

    PlanningStep.complete(cycle, Map.of("memberFeedback", "Priority 2 needs indicators"),
        "inee.secretariat", "inee-secretariat");

    assertThat(recorded(cycle, "memberFeedback")).isEqualTo("Priority 2 needs indicators");
    assertThat(recorded(cycle, "feedbackGathered")).isEqualTo(true);
  }

  @Test
  void noFeedbackIsRefusedAndTheCycleDoesNotCountItGathered() {
    ProcessInstance cycle = start(key, Map.of("feedbackGathered", false));

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle, Map.of(),
        "inee.secretariat", "inee-secretariat")).field()).isEqualTo("memberFeedback");
    assertThat(recorded(cycle, "feedbackGathered")).isEqualTo(false);
  }
}
