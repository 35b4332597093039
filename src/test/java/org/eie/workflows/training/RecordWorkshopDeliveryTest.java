package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The workshop as delivered, on the engine without Spring: participants by sex and organisation
 * that agree, test scores, and the evaluation deadline it sets (the end of the last day plus the
 * period, UTC) with its reminder three days before.
 */
@Tag("fast")
class RecordWorkshopDeliveryTest {

  static final String KEY = "recordWorkshopDeliveryTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.with(Map.of("recordWorkshopDelivery",
        new RecordWorkshopDelivery(new TrainingProperties(null, null))));
    InMemoryEngine.oneTask(KEY, "Task_DeliverWorkshop").endListener("recordWorkshopDelivery")
        .deploy();
  }

  @BeforeEach
  void afterTheWorkshop() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-20T10:00:00Z")));
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static Map<String, Object> form() {
    Map<String, Object> form = new HashMap<>();
    form.put("workshopStartDate", "2026-05-11");
    form.put("workshopEndDate", "2026-05-13");
    form.put("participantsFemale", 3L);
    form.put("participantsMale", 2L);
    form.put("participantsByOrganisation", "NRC: 2\nSave the Children: 2\nNRC: 1");
    form.put("preTestScores", "40, 55%, 60");
    form.put("postTestScores", "80; 90");
    return form;
  }

  @Test
  void recordsTheWorkshopAndSetsTheEvaluationDeadlineFromItsLastDay() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    submit(country, form(), "ng.unicef", "coleads-NG");

    var delivery = (WorkshopDelivery) recorded(country, "workshopDelivery");
    assertThat(delivery.participants()).isEqualTo(5);
    assertThat(delivery.participantsByOrganisation())
        .containsExactly(Map.entry("NRC", 3), Map.entry("Save the Children", 2));
    assertThat(delivery.preTestScores()).containsExactly(40.0, 55.0, 60.0);
    assertThat(delivery.postTestScores()).containsExactly(80.0, 90.0);
    // 13 May + 14 days, to the end of that day
    assertThat(delivery.evaluationDueAt()).isEqualTo("2026-05-28T00:00:00Z");
    assertThat(recorded(country, "evaluationDueAt"))
        .isEqualTo(Date.from(Instant.parse("2026-05-28T00:00:00Z")));
    assertThat(recorded(country, "evaluationReminderAt"))
        .isEqualTo(Date.from(Instant.parse("2026-05-25T00:00:00Z")));
    assertThat(recorded(country, "participantsFemale")).isNull();
  }

  @Test
  void theRolloutsOwnEvaluationPeriodWins() {
    ProcessInstance country = start(KEY, Map.of("country", "NG", "evaluationPeriodDays", 30));

    submit(country, form(), "ng.unicef", "coleads-NG");

    assertThat(recorded(country, "evaluationDueAt"))
        .isEqualTo(Date.from(Instant.parse("2026-06-13T00:00:00Z")));
  }

  @Test
  void organisationsThatDoNotAddUpToTheParticipantsAreRefused() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = form();
    form.put("participantsByOrganisation", "NRC: 2");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("participantsByOrganisation");
          assertThat(refused.getMessage()).contains("add up to 2 participants")
              .contains("by sex to 5");
        });
    assertThat(recorded(country, "workshopDelivery")).isNull();
  }

  @Test
  void aWorkshopInTheFutureCannotBeRecordedAsDelivered() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = form();
    form.put("workshopEndDate", "2026-05-21");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("workshopEndDate");
          assertThat(refused.getMessage()).contains("not after 2026-05-20");
        });
  }

  @Test
  void moreScoresThanParticipantsOrScoresOutsidePercentAreRefused() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = form();
    form.put("preTestScores", "10, 20, 30, 40, 50, 60");
    form.put("postTestScores", "80, 120");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(e -> e.field()).contains("postTestScores"));
    form.put("postTestScores", "80");
    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("preTestScores");
          assertThat(refused.getMessage()).contains("6 scores for 5 participants");
        });
  }

  @Test
  void aWorkshopWithoutParticipantsIsRefused() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = form();
    form.put("participantsFemale", 0L);
    form.put("participantsMale", 0L);
    form.put("participantsByOrganisation", "NRC: 0");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .anySatisfy(error -> {
              assertThat(error.field()).isEqualTo("participantsFemale");
              assertThat(error.message()).contains("a delivered workshop has participants");
            }));
  }

  @Test
  void aCancelledTaskSetsNoDeadline() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    cancel(country);

    assertThat(recorded(country, "workshopDelivery")).isNull();
    assertThat(recorded(country, "evaluationDueAt")).isNull();
  }
}
