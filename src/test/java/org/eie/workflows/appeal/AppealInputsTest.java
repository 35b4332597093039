package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.forms.EngineRestRefusals;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rules a form cannot hold on its own, checked on the server whichever way the input came,
 * and said with the field's label: a project's locations are the appeal's affected areas; an
 * onset more than two weeks back is confirmed.
 */
@Tag("fast")
class AppealInputsTest {

  final AppealInputs inputs = new AppealInputs(new EieProperties(true, null,
      Map.of("LB", "Lebanon")));
  final List<String> beirutAndAkkar = List.of("Beirut", "Akkar");

  @BeforeEach
  void atTheScenariosTime() {
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void projectOutsideTheAffectedAreasIsRefusedNamingLocations() {
    var form = AppealScenario.project("Learning in Akkar", "Akkar\nipoli",
        Map.of("budgetTemporaryLearningSpaces", 1000.0));

    assertThatThrownBy(() -> inputs.project(form, "partner.lb", beirutAndAkkar))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("locations");
          assertThat(refused.getMessage()).isEqualTo("Locations: ipoli is not an affected area"
              + " of this appeal; choose from: Beirut, Akkar");
        });
  }

  @Test
  void projectInTheAffectedAreasIsTakenWhateverTheCase() {
    var form = AppealScenario.project("Learning in Akkar", " akkar \nBEIRUT",
        Map.of("budgetTemporaryLearningSpaces", 1000.0));

    assertThat(inputs.project(form, "partner.lb", beirutAndAkkar).locations())
        .containsExactly("akkar", "BEIRUT");
  }

  @Test
  void onsetOlderThanTwoWeeksNeedsItsConfirmation() {
    var trigger = AppealScenario.trigger();
    trigger.put("onset", AppealScenario.NOW.minus(Duration.ofDays(15)).toString());

    assertThatThrownBy(() -> inputs.trigger(trigger))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .startsWith("Yes: the emergency began on that date, more than two weeks ago: tick it"
                + " to confirm the onset 2026-11-05"));

    trigger.put(AppealInputs.ONSET_CONFIRMED, true);
    assertThat(inputs.trigger(trigger).onset()).startsWith("2026-11-05");
  }

  @Test
  void onsetWithinTwoWeeksNeedsNoConfirmation() {
    var trigger = AppealScenario.trigger();
    trigger.put("onset", AppealScenario.NOW.minus(Duration.ofDays(13)).toString());

    assertThat(inputs.trigger(trigger).onset()).startsWith("2026-11-07");
  }

  @Test
  void refusalsReachTheUserWithoutTheEnginesTaskId() {
    assertThat(EngineRestRefusals.inTheUsersWords("Cannot submit task form "
        + "cd1abbfb-d2b1-11f0-9a6b-0242ac120002: Locations: ipoli is not an affected area"))
        .isEqualTo("Locations: ipoli is not an affected area");
    assertThat(EngineRestRefusals.inTheUsersWords("Cannot instantiate process definition "
        + "emergencyFundingAppeal:3:9f1c: Country: is required"))
        .isEqualTo("Country: is required");
  }
}
