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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The review of the previous cycle: it sets when the consultation closes, a day after today,
 * at the end of that day UTC, which the cycle's timer waits for.
 */
@Tag("fast")
class RecordCycleReviewTest {

  static String key;

  @BeforeAll
  static void deploy() {
    key = PlanningStep.deploy("recordCycleReview", new RecordCycleReview(),
        "Task_ReviewPreviousCycle");
  }

  @BeforeEach
  void onTheDayOfTheReview() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T15:00:00Z")));
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  @Test
  void theConsultationClosesAtTheEndOfItsLastDay() {
    ProcessInstance cycle = start(key, Map.of());

    PlanningStep.complete(cycle, Map.of("previousCycleReview", "Targets met in 3 of 4",
        "consultationClosesOn", "2026-04-30"), "inee.secretariat", "inee-secretariat");

    assertThat(recorded(cycle, "consultationClosesOn")).isEqualTo("2026-04-30");
    assertThat(recorded(cycle, "consultationClosesAt"))
        .isEqualTo(Date.from(Instant.parse("2026-05-01T00:00:00Z")));
  }

  @Test
  void aConsultationClosingTodayIsRefused() {
    ProcessInstance cycle = start(key, Map.of());

    var refused = PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("previousCycleReview", "Done", "consultationClosesOn", "2026-03-10"),
        "inee.secretariat", "inee-secretariat"));

    assertThat(refused.field()).isEqualTo("consultationClosesOn");
    assertThat(refused.getMessage()).contains("must close after today (2026-03-10)");
  }

  @Test
  void theReviewAndTheDateAreBothRequired() {
    ProcessInstance cycle = start(key, Map.of());

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle, Map.of(),
        "inee.secretariat", "inee-secretariat")).errors()).extracting(e -> e.field())
        .containsExactly("previousCycleReview", "consultationClosesOn");
  }
}
