package org.eie.workflows.planning;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.ImplementationYear;
import org.eie.workflows.planning.PlanModel.Review;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A year of implementation, kept per year for the plan document: the work plan, then the
 * six-monthly and year-end reviews with their status, the year-end one with the annual report.
 */
@Tag("fast")
class RecordImplementationStepTest {

  static final String[] GEC = {"gec-global-coleads"};
  static String workPlan;
  static String midYear;
  static String yearEnd;

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    var recorder = new RecordImplementationStep(InMemoryEngine.currentUser());
    workPlan = PlanningStep.deploy("recordImplementationStep", recorder,
        "Task_DraftAnnualWorkPlan");
    midYear = PlanningStep.deploy("recordImplementationStep", recorder, "Task_MidYearReview");
    yearEnd = PlanningStep.deploy("recordImplementationStep", recorder, "Task_YearEndReview");
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static ProcessInstance year(String key, Implementation before) {
    return start(key, Map.of("implementationYear", 2,
        "implementation", JsonVariables.json(before)));
  }

  static ImplementationYear secondYear(ProcessInstance cycle) {
    return ((Implementation) recorded(cycle, "implementation")).year(2);
  }

  @Test
  void theWorkPlanIsKeptForItsYear() {
    ProcessInstance cycle = year(workPlan, Implementation.empty());

    PlanningStep.complete(cycle, Map.of("workPlan", "Q1: regional trainings"), "gec.unicef",
        GEC);

    assertThat(secondYear(cycle).workPlan()).isEqualTo("Q1: regional trainings");
    assertThat(secondYear(cycle).reviews()).isEmpty();
    assertThat(recorded(cycle, "workPlan")).isNull();
  }

  @Test
  void aSixMonthReviewIsAddedToTheYearWithItsStatusWhoAndWhen() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-07-02T09:00:00Z")));
    ProcessInstance cycle = year(midYear, Implementation.empty().with(
        new ImplementationYear(2, "Q1: regional trainings", null, null)));

    PlanningStep.complete(cycle, Map.of("progressStatus", "AT_RISK", "progressSummary",
        "Funding gap for Q3"), "gec.unicef", GEC);

    assertThat(secondYear(cycle).workPlan()).isEqualTo("Q1: regional trainings");
    assertThat(secondYear(cycle).reviews()).containsExactly(new Review("MID_YEAR", "AT_RISK",
        "Funding gap for Q3", "gec.unicef", "2028-07-02T09:00:00Z"));
  }

  @Test
  void theYearEndReviewNeedsTheAnnualReport() {
    ProcessInstance cycle = year(yearEnd, Implementation.empty());

    var refused = PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("progressStatus", "ON_TRACK", "progressSummary", "Done"), "gec.unicef", GEC));

    assertThat(refused.field()).isEqualTo("annualReport");
  }

  @Test
  void aStatusOutsideTheThreeIsRefused() {
    ProcessInstance cycle = year(midYear, Implementation.empty());

    var refused = PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("progressStatus", "GREAT", "progressSummary", "Done"), "gec.unicef", GEC));

    assertThat(refused.field()).isEqualTo("progressStatus");
    assertThat(refused.getMessage()).contains("choose ON_TRACK, AT_RISK or OFF_TRACK");
  }
}
