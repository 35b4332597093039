package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The consultation's summary, which both drafting teams see: required. */
@Tag("fast")
class RecordConsultationTest {

  static String key;

  @BeforeAll
  static void deploy() {
    key = PlanningStep.deploy("recordConsultation", new RecordConsultation(),
        "Task_SummariseConsultation");
  }

  @Test
  void theSummaryIsKeptForBothDraftingTeams() {
    ProcessInstance cycle = start(key, Map.of());

    PlanningStep.complete(cycle, Map.of("consultationSummary", "  Members ask for TVET  "),
        "inee.secretariat", "inee-secretariat");

    assertThat(recorded(cycle, "consultationSummary")).isEqualTo("Members ask for TVET");
  }

  @Test
  void aBlankSummaryIsRefused() {
    ProcessInstance cycle = start(key, Map.of());

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("consultationSummary", " "), "inee.secretariat", "inee-secretariat")).field())
        .isEqualTo("consultationSummary");
  }
}
