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
 * A cycle started on a version of the diagram from before the recorders became end listeners
 * (its tasks call them as task "complete" listeners) records and refuses exactly as a cycle on
 * the current version: it runs for three years on the version it started on.
 */
@Tag("fast")
class PlanningRecorderTest {

  static String before;

  @BeforeAll
  static void deployAsBefore() {
    before = PlanningStep.deployAsBefore("recordFeedback", new RecordFeedback(),
        "Task_GatherMemberFeedback");
  }

  @Test
  void aCycleOnTheOlderDiagramRecordsAsBefore() {
    ProcessInstance cycle = start(before, Map.of("feedbackGathered", false));

    PlanningStep.complete(cycle, Map.of("memberFeedback", "Add a protection indicator"),
        "inee.secretariat", "inee-secretariat");

    assertThat(recorded(cycle, "memberFeedback")).isEqualTo("Add a protection indicator");
    assertThat(recorded(cycle, "feedbackGathered")).isEqualTo(true);
  }

  @Test
  void aCycleOnTheOlderDiagramRefusesAsBefore() {
    ProcessInstance cycle = start(before, Map.of("feedbackGathered", false));

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle, Map.of(),
        "inee.secretariat", "inee-secretariat")).field()).isEqualTo("memberFeedback");
    assertThat(recorded(cycle, "feedbackGathered")).isEqualTo(false);
  }
}
