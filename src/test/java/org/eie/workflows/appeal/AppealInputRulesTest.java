package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The appeal's input rules, whichever way the input comes (Tasklist form or REST): what is
 * accepted, and every offending field named when it is not. Plain Java: the engine's clock is
 * set, nothing else of the engine runs.
 */
@Tag("fast")
class AppealInputRulesTest {

  private static final Instant NOW = Instant.parse("2026-08-05T12:00:00Z");
  private final AppealInputs inputs = new AppealInputs(
      new EieProperties(false, null, Map.of("LB", "Lebanon", "CO", "Colombia")));

  @BeforeEach
  void theClockReads5August2026() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void theClockRunsAgain() {
    ClockUtil.reset();
  }

  private static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  private static Map<String, Object> trigger() {
    return values("country", "LB", "emergencyType", "Explosion",
        "onset", "2026-08-04T18:08:00+03:00", "affectedAreas", "Beirut\nMount Lebanon",
        "situationSummary", "Schools damaged");
  }

  private static Map<String, Object> project() {
    return values("projectTitle", "Safe classrooms", "budgetSchoolRepair", 50000,
        "locations", List.of("Beirut"), "girls", 10, "boys", 10, "femaleTeachers", 1,
        "maleTeachers", 1, "withDisabilities", 2, "durationMonths", 6);
  }

  private static void refused(ThrowingCallable reading, String... fields) {
    assertThatThrownBy(reading).isInstanceOfSatisfying(InvalidInput.class, refusal ->
        assertThat(refusal.errors()).extracting(FieldError::field).containsExactly(fields));
  }

  private static String messageOf(ThrowingCallable reading) {
    try {
      reading.call();
    } catch (InvalidInput refusal) {
      return refusal.errors().get(0).message();
    } catch (Throwable other) {
      throw new AssertionError(other);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aTriggerIsAFlashAppealInEnglishUnlessItSaysOtherwise() {
    AppealTrigger trigger = inputs.trigger(trigger());
    assertThat(trigger.appealType()).isEqualTo("FLASH_APPEAL");
    assertThat(trigger.language()).isEqualTo("en");
    assertThat(trigger.affectedAreas()).containsExactly("Beirut", "Mount Lebanon");
    assertThat(trigger.onset()).isEqualTo("2026-08-04T18:08+03:00");
  }

  @Test
  void anEmptyTriggerNamesEveryRequiredField() {
    refused(() -> inputs.trigger(values()), "country", "emergencyType", "onset", "affectedAreas",
        "situationSummary");
  }

  @Test
  void aCountryWithoutClusterIsRefusedNamingTheKnownOnes() {
    var values = trigger();
    values.put("country", "FR");
    assertThat(messageOf(() -> inputs.trigger(values)))
        .isEqualTo("'FR' is not a country cluster of this installation (known: CO, LB)");
  }

  @Test
  void anOnsetInTheFutureIsRefused() {
    var values = trigger();
    values.put("onset", "2026-08-06T00:00:00Z");
    refused(() -> inputs.trigger(values), "onset");
  }

  @Test
  void anUnknownAppealTypeAndADocumentLanguageOfNoDocumentAreBothNamed() {
    var values = trigger();
    values.put("appealType", "BAKE_SALE");
    values.put("language", "de");
    refused(() -> inputs.trigger(values), "appealType", "language");
  }

  @Test
  void anActivationMustSayYesOrNo() {
    refused(() -> inputs.activation(values("activated", "maybe", "activationReason", "Big"),
        "lb.unicef"), "activated");
    assertThat(inputs.activation(values("activated", "true", "activationReason", "Big"),
        "lb.unicef").activated()).isTrue();
  }

  @Test
  void moreChildrenWithDisabilitiesThanChildrenInNeedIsRefused() {
    refused(() -> inputs.assessment(values("girlsInNeed", 5, "boysInNeed", 5,
        "withDisabilitiesInNeed", 11, "schoolsDamaged", 0, "schoolsDestroyed", 0,
        "schoolsUsedAsShelters", 0, "teachersAffected", 0, "assessedAreas", "Beirut"), "lb"),
        "withDisabilitiesInNeed");
  }

  @Test
  void aProjectIsReadWithItsBudgetsAndSubmitted() {
    PartnerProject read = inputs.project(project(), "lb.nrc");
    assertThat(read.activities()).extracting(ActivityBudget::activity)
        .containsExactly("SCHOOL_REPAIR");
    assertThat(read.status()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(read.submittedBy()).isEqualTo("lb.nrc");
  }

  @Test
  void aProjectWithoutAnyBudgetIsRefusedNamingTheActivities() {
    var values = project();
    values.remove("budgetSchoolRepair");
    refused(() -> inputs.project(values, "lb.nrc"), "activities");
  }

  @Test
  void aProjectLongerThanTwelveMonthsIsRefused() {
    var values = project();
    values.put("durationMonths", 13);
    assertThat(messageOf(() -> inputs.project(values, "lb.nrc")))
        .isEqualTo("must be between 1 and 12 months");
  }

  @Test
  void moreLearnersWithDisabilitiesThanPeopleTargetedIsRefused() {
    var values = project();
    values.put("withDisabilities", 23);
    refused(() -> inputs.project(values, "lb.nrc"), "withDisabilities");
  }

  @Test
  void aVettingRatesZeroToFiveAndDecidesOneOfThree() {
    refused(() -> inputs.vetting(values("strategicRelevance", 6, "programmaticRelevance", 3,
        "costEffectiveness", 3, "managementAndMonitoring", 3, "accountability", 3,
        "vettingDecision", "MAYBE", "vettingComment", "ok"), "lb.unicef"),
        "strategicRelevance", "vettingDecision");
  }

  @Test
  void aPlanNeedsADeadlineAheadAndARequirementCoveringItsActivities() {
    refused(() -> inputs.plan(values("objectives", "Children learn", "priorityActivities",
        "SCHOOL_REPAIR", "targetGirls", 1, "targetBoys", 1, "targetFemaleTeachers", 0,
        "targetMaleTeachers", 0, "targetWithDisabilities", 0, "indicativeRequirementUsd", 100,
        "requirementSchoolRepair", 500, "submissionDeadline", "2026-08-01T00:00:00Z"), "lb"),
        "submissionDeadline", "indicativeRequirementUsd");
  }

  @Test
  void aPlanNamesAnActivityThatIsNoPriorityActivity() {
    assertThat(messageOf(() -> inputs.amendedActivities(values("priorityActivities",
        "SCHOOL_REPAIR\nSWIMMING")))).startsWith("'SWIMMING' is not a priority activity");
  }
}
