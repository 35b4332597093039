package org.eie.workflows.training;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The evaluation report and participant list, on the engine without Spring: the list names as
 * many people as the workshop had; a report after the deadline is taken and marked late.
 */
@Tag("fast")
class RecordEvaluationReportTest {

  static final String KEY = "recordEvaluationReportTest";
  static final Instant DUE = Instant.parse("2026-05-28T00:00:00Z");

  @BeforeAll
  static void deploy() {
    InMemoryEngine.with(Map.of("recordEvaluationReport", new RecordEvaluationReport()));
    InMemoryEngine.oneTask(KEY, "Task_SubmitEvaluation").endListener("recordEvaluationReport")
        .deploy();
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static ProcessInstance deliveredWorkshopOfThree() {
    return start(KEY, Map.of("country", "NG",
        "workshopDelivery", JsonVariables.json(new WorkshopDelivery("2026-05-11",
            "2026-05-13", 2, 1, 0, Map.of("NRC", 3), List.of(), List.of(), DUE.toString())),
        "evaluationDueAt", Date.from(DUE)));
  }

  static Map<String, Object> report() {
    return Map.of("evaluationSummary", "Participants rated the workshop highly",
        "participantList", "Amina Yusuf\nJohn Okafor\nGrace Bello");
  }

  @Test
  void aReportBeforeTheDeadlineIsRecordedOnTime() {
    ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(3600)));
    ProcessInstance country = deliveredWorkshopOfThree();

    submit(country, report(), "ng.unicef", "coleads-NG");

    var report = (EvaluationReport) recorded(country, "evaluationReport");
    assertThat(report.late()).isFalse();
    assertThat(report.submittedAt()).isEqualTo("2026-05-27T23:00:00Z");
    assertThat(report.participantList()).containsExactly("Amina Yusuf", "John Okafor",
        "Grace Bello");
    assertThat(recorded(country, "participantList")).isNull();
  }

  @Test
  void aReportAfterTheDeadlineIsTakenAndMarkedLate() {
    ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(60)));
    ProcessInstance country = deliveredWorkshopOfThree();

    submit(country, report(), "ng.unicef", "coleads-NG");

    assertThat(((EvaluationReport) recorded(country, "evaluationReport")).late()).isTrue();
  }

  @Test
  void aListThatDoesNotNameEveryParticipantIsRefused() {
    ProcessInstance country = deliveredWorkshopOfThree();

    assertThatThrownBy(() -> submit(country, Map.of("evaluationSummary", "Good",
        "participantList", "Amina Yusuf\nJohn Okafor"), "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("participantList");
          assertThat(refused.getMessage()).contains("2 names for the 3 participants");
        });
    assertThat(recorded(country, "evaluationReport")).isNull();
  }

  @Test
  void aReportWithoutItsSummaryIsRefused() {
    ProcessInstance country = deliveredWorkshopOfThree();

    assertThatThrownBy(() -> submit(country, Map.of("participantList", "A\nB\nC"),
        "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("evaluationSummary"));
  }

  @Test
  void aCancelledTaskRecordsNoReport() {
    ProcessInstance country = deliveredWorkshopOfThree();

    cancel(country);

    assertThat(recorded(country, "evaluationReport")).isNull();
  }
}
