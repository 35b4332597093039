package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.training.TrainingRecords.Facilitator;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The training of trainers as the Secretariat records it, on the engine without Spring: the
 * dates, the place and each facilitator with their dissemination plan, or a refusal naming the
 * field; a cancelled task records nothing.
 */
@Tag("fast")
class RecordTrainingOfTrainersTest {

  static final String KEY = "recordTrainingOfTrainersTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.with(Map.of("recordTrainingOfTrainers", new RecordTrainingOfTrainers()));
    InMemoryEngine.oneTask(KEY, "Task_TrainTrainers").endListener("recordTrainingOfTrainers")
        .deploy();
  }

  static Map<String, Object> form() {
    Map<String, Object> form = new HashMap<>();
    form.put("totLocation", "Nairobi");
    form.put("totStartDate", "2026-03-02");
    form.put("totEndDate", "2026-03-06");
    form.put("facilitators", "Amina Yusuf; NRC; Kenya; Two workshops in Turkana\n"
        + "Jean Dupont ; Plan International ; Chad ; One workshop in N'Djamena");
    return form;
  }

  @Test
  void recordsPlaceDatesAndEachFacilitatorWithTheirPlan() {
    ProcessInstance rollout = start(KEY, Map.of());

    submit(rollout, form(), "secretariat", "inee-secretariat");

    var training = (TrainingOfTrainers) recorded(rollout, "trainingOfTrainers");
    assertThat(training.location()).isEqualTo("Nairobi");
    assertThat(training.startDate()).isEqualTo("2026-03-02");
    assertThat(training.endDate()).isEqualTo("2026-03-06");
    assertThat(training.facilitators()).containsExactly(
        new Facilitator("Amina Yusuf", "NRC", "Kenya", "Two workshops in Turkana"),
        new Facilitator("Jean Dupont", "Plan International", "Chad",
            "One workshop in N'Djamena"));
    assertThat(recorded(rollout, "totLocation")).isNull();
    assertThat(recorded(rollout, "facilitators")).isNull();
  }

  @Test
  void aTrainingEndingBeforeItStartsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance rollout = start(KEY, Map.of());
    var form = form();
    form.put("totEndDate", "2026-03-01");

    assertThatThrownBy(() -> submit(rollout, form, "secretariat", "inee-secretariat"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("totEndDate");
          assertThat(refused.getMessage()).contains("cannot end before it starts (2026-03-02)");
        });
    assertThat(task(rollout)).isNotNull();
    assertThat(recorded(rollout, "trainingOfTrainers")).isNull();
  }

  @Test
  void aFacilitatorLineWithoutItsPlanIsRefusedQuotingTheLine() {
    ProcessInstance rollout = start(KEY, Map.of());
    var form = form();
    form.put("facilitators", "Amina Yusuf; NRC; Kenya; Turkana\nJean Dupont, Plan");

    assertThatThrownBy(() -> submit(rollout, form, "secretariat", "inee-secretariat"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("facilitators");
          assertThat(refused.getMessage()).contains("not 'Jean Dupont, Plan'");
        });
  }

  @Test
  void theMissingPlaceAndDatesAreNamedTogether() {
    ProcessInstance rollout = start(KEY, Map.of());

    assertThatThrownBy(() -> submit(rollout, Map.of("facilitators", "A; B; C; D"),
        "secretariat", "inee-secretariat"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(e -> e.field())
            .containsExactly("totLocation", "totStartDate", "totEndDate"));
  }

  @Test
  void aCancelledTaskRecordsNothing() {
    ProcessInstance rollout = start(KEY, Map.of());

    cancel(rollout);

    assertThat(recorded(rollout, "trainingOfTrainers")).isNull();
  }
}
