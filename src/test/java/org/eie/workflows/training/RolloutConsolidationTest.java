package org.eie.workflows.training;

import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eie.workflows.training.TrainingRecords.CountryOutcome;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.Facilitator;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The consolidation's figures against figures computed by hand; no engine. */
@Tag("fast")
class RolloutConsolidationTest {

  private static final Map<String, String> NAMES =
      Map.of("LB", "Lebanon", "CO", "Colombia", "ML", "Mali");

  @Test
  void figuresMatchTheHandComputedOnes() {
    var lebanon = new CountryOutcome("LB",
        new WorkshopPlan("Beirut", "2027-02-22", "2027-02-26", null, true),
        new WorkshopDelivery("2027-02-22", "2027-02-26", 12, 8, 0,
            Map.of("UNICEF", 8, "Save the Children", 12),
            List.of(40.0, 50.0, 60.0, 50.0), List.of(70.0, 80.0, 75.0, 75.0), "2027-03-13T00:00:00Z"),
        new EvaluationReport("2027-03-05T10:00:00Z", false, "Good", List.of()), null, 0);
    var colombia = new CountryOutcome("CO",
        new WorkshopPlan("Bogotá", "2027-02-15", "2027-02-19", null, true),
        new WorkshopDelivery("2027-02-15", "2027-02-19", 5, 10, 1, Map.of("NRC", 16),
            List.of(30.0, 45.0), List.of(60.0, 65.5), "2027-03-06T00:00:00Z"),
        new EvaluationReport("2027-03-08T10:00:00Z", true, "Late but fine", List.of()), null, 1);
    var mali = new CountryOutcome("ML", new WorkshopPlan(null, null, null, null, false), null, null,
        new Withdrawal("Security situation in Mopti", "ml.unicef", "2027-02-01T08:00:00Z",
            "planning"), 0);
    var trainers = new TrainingOfTrainers("Amman", "2027-01-10", "2027-01-14", List.of(
        new Facilitator("A", "UNICEF", "LB", "plan"), new Facilitator("B", "NRC", "CO", "plan"),
        new Facilitator("C", "StC", "ML", "plan")));

    var results = RolloutConsolidation.consolidate(List.of(lebanon, colombia, mali), trainers,
        NAMES::get);

    // Lebanon: pre (40+50+60+50)/4 = 50.0, post (70+80+75+75)/4 = 75.0, gain 25.0
    // Colombia: pre (30+45)/2 = 37.5, post (60+65.5)/2 = 62.75 -> 62.8, gain 25.25 -> 25.3
    // All: pre 275/6 = 45.83 -> 45.8, post 425.5/6 = 70.92 -> 70.9, gain 25.083 -> 25.1
    assertThat(results.countriesReached()).extracting(RolloutResults.CountryResult::countryName)
        .containsExactly("Colombia", "Lebanon");
    var co = results.countriesReached().get(0);
    var lb = results.countriesReached().get(1);
    assertThat(lb.averagePreTestScore()).isEqualByComparingTo("50.0");
    assertThat(lb.averagePostTestScore()).isEqualByComparingTo("75.0");
    assertThat(lb.averageScoreGain()).isEqualByComparingTo("25.0");
    assertThat(lb.total()).isEqualTo(20);
    assertThat(co.averagePreTestScore()).isEqualByComparingTo("37.5");
    assertThat(co.averagePostTestScore()).isEqualByComparingTo("62.8");
    assertThat(co.averageScoreGain()).isEqualByComparingTo("25.3");
    assertThat(co.total()).isEqualTo(16);
    assertThat(co.evaluationLate()).isTrue();
    assertThat(co.remindersSent()).isEqualTo(1);

    assertThat(results.workshops()).isEqualTo(2);
    assertThat(results.participantsFemale()).isEqualTo(17);
    assertThat(results.participantsMale()).isEqualTo(18);
    assertThat(results.participantsOther()).isEqualTo(1);
    assertThat(results.participantsTotal()).isEqualTo(36);
    assertThat(results.averagePreTestScore()).isEqualByComparingTo("45.8");
    assertThat(results.averagePostTestScore()).isEqualByComparingTo("70.9");
    assertThat(results.averageScoreGain()).isEqualByComparingTo(new BigDecimal("25.1"));
    assertThat(results.lateEvaluations()).isEqualTo(1);
    assertThat(results.facilitatorsTrained()).isEqualTo(3);

    assertThat(results.countriesWithdrawn()).singleElement().satisfies(withdrawn -> {
      assertThat(withdrawn.countryName()).isEqualTo("Mali");
      assertThat(withdrawn.reason()).isEqualTo("Security situation in Mopti");
      assertThat(withdrawn.stage()).isEqualTo("planning");
    });
    assertThat(RolloutConsolidation.organisations(results)).containsExactly(
        Map.entry("NRC", 16), Map.entry("Save the Children", 12), Map.entry("UNICEF", 8));
  }

  @Test
  void everyCountryWithdrawnGivesNoScoresRatherThanZero() {
    var results = RolloutConsolidation.consolidate(List.of(new CountryOutcome("LB", null, null,
        null, new Withdrawal("Port closed", null, null, "delivery"), 0)), null, NAMES::get);
    assertThat(results.countriesReached()).isEmpty();
    assertThat(results.averageScoreGain()).isNull();
    assertThat(results.participantsTotal()).isZero();
    assertThat(results.facilitatorsTrained()).isZero();
  }

  @Test
  void workshopListsNameTheFieldTheyRefuse() {
    var scores = new FormReader(Map.of("preTestScores", "40, 120"));
    assertThat(RecordWorkshopDelivery.scores(scores, "preTestScores")).containsExactly(40.0);
    assertThatThrownBy(scores::throwIfInvalid)
        .isInstanceOf(InvalidInput.class).hasMessageStartingWith("Pre-test scores (%):")
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("preTestScores"));
    var facilitators = new FormReader(Map.of("facilitators", "Only a name"));
    RecordTrainingOfTrainers.facilitators(facilitators, "facilitators");
    assertThatThrownBy(facilitators::throwIfInvalid)
        .isInstanceOf(InvalidInput.class).hasMessageStartingWith("Facilitators trained:");
    var organisations = new FormReader(Map.of("org", "UNICEF: 3\nNRC: 2\nUNICEF: 1"));
    assertThat(RecordWorkshopDelivery.organisationCounts(organisations, "org"))
        .containsExactly(Map.entry("UNICEF", 4), Map.entry("NRC", 2));
    var tooMany = new FormReader(Map.of("participantsByOrganisation", "UNICEF: 100001"));
    RecordWorkshopDelivery.organisationCounts(tooMany, "participantsByOrganisation");
    assertThat(tooMany.errors()).extracting(FieldError::message)
        .containsExactly("'UNICEF: 100001': is more than 100000");
  }

}
