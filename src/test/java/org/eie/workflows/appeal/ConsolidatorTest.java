package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Consolidation against figures worked out by hand (no engine, no Spring). */
@Tag("fast")
class ConsolidatorTest {

  static final PlannedResponse PLAN = new PlannedResponse(List.of("Back to learning"),
      List.of("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT"), PeopleTargeted.NONE,
      new BigDecimal("1000000"), "2026-11-22T12:00Z", "lb.unicef", "2026-11-20T12:00Z");
  static final NeedsAssessment ASSESSMENT = new NeedsAssessment(3000, 2000, 100, null, null, 159,
      12, 20, 400, List.of("Beirut", "Bourj Hammoud", "Metn"), List.of(), "lb.unicef",
      "2026-11-20T12:00Z");

  static PartnerProject project(String id, String partner, ProjectStatus status,
      List<ActivityBudget> activities, List<String> locations, PeopleTargeted people) {
    return new PartnerProject(id, partner, null, "Title " + id, activities, locations, people, 6,
        status, 1, "partner.lb", "2026-11-21T12:00Z", List.of());
  }

  static ActivityBudget budget(String activity, String usd) {
    return new ActivityBudget(activity, new BigDecimal(usd));
  }

  @Test
  void totalsByActivityPartnerAndAreaAndPeopleFromAcceptedProjectsOnly() {
    var a = project("LB-EDU-001", "NRC", ProjectStatus.ACCEPTED,
        List.of(budget("TEMPORARY_LEARNING_SPACES", "100000"), budget("PSYCHOSOCIAL_SUPPORT", "20000")),
        List.of("Beirut", "Metn"), new PeopleTargeted(500, 400, 20, 10, 30));
    var b = project("LB-EDU-002", "Amel", ProjectStatus.ACCEPTED,
        List.of(budget("TEMPORARY_LEARNING_SPACES", "50000.50")),
        List.of("Bourj Hammoud"), new PeopleTargeted(300, 350, 5, 5, 12));
    var c = project("LB-EDU-003", "NRC", ProjectStatus.ACCEPTED,
        List.of(budget("PSYCHOSOCIAL_SUPPORT", "10000")),
        List.of("Beirut", "Metn", "Bourj Hammoud"), new PeopleTargeted(100, 100, 0, 0, 1));
    var rejected = project("LB-EDU-004", "Other", ProjectStatus.REJECTED,
        List.of(budget("TEMPORARY_LEARNING_SPACES", "999999")), List.of("Beirut"),
        new PeopleTargeted(9999, 9999, 0, 0, 0));

    Consolidation result = new Consolidator().consolidate(PLAN, ASSESSMENT,
        List.of(a, b, c, rejected), "2026-11-23T00:00Z");

    // 100,000 + 20,000 + 50,000.50 + 10,000
    assertThat(result.totalUsd()).isEqualByComparingTo("180000.50");
    assertThat(result.acceptedProjects()).isEqualTo(3);
    assertThat(result.partners()).isEqualTo(2);
    assertThat(result.byActivity()).containsExactly(
        new Consolidation.Line("TEMPORARY_LEARNING_SPACES", 2, new BigDecimal("150000.50")),
        new Consolidation.Line("PSYCHOSOCIAL_SUPPORT", 2, new BigDecimal("30000")));
    assertThat(result.byPartner()).containsExactly(
        new Consolidation.Line("NRC", 2, new BigDecimal("130000")),
        new Consolidation.Line("Amel", 1, new BigDecimal("50000.50")));
    // a: 120,000 split over Beirut and Metn (60,000 each); b: 50,000.50 in Bourj Hammoud;
    // c: 10,000 over three areas: 3,333.33 + 3,333.33 + 3,333.34 (Bourj Hammoud last).
    assertThat(result.byArea()).containsExactly(
        new Consolidation.Line("Beirut", 2, new BigDecimal("63333.33")),
        new Consolidation.Line("Metn", 2, new BigDecimal("63333.33")),
        new Consolidation.Line("Bourj Hammoud", 2, new BigDecimal("53333.84")));
    // girls 500+300+100, boys 400+350+100, female teachers 20+5, male 10+5, disabled 30+12+1
    assertThat(result.people()).isEqualTo(
        new Consolidation.PeopleBreakdown(925, 865, 1750, 40, 43, 1790));
    assertThat(result.inconsistencies()).isEmpty();
    assertThat(result.consistent()).isTrue();
  }

  @Test
  void projectsThatDoNotFitThePlanAreReportedNotDropped() {
    var outside = project("LB-EDU-001", "Tdh", ProjectStatus.ACCEPTED,
        List.of(budget("SCHOOL_REPAIR", "800000")), List.of("Tripoli"),
        new PeopleTargeted(4000, 2000, 0, 0, 0));

    Consolidation result = new Consolidator().consolidate(PLAN, ASSESSMENT, List.of(outside),
        "2026-11-23T00:00Z");

    assertThat(result.totalUsd()).isEqualByComparingTo("800000");
    assertThat(result.byActivity()).extracting(Consolidation.Line::key)
        .containsExactly("SCHOOL_REPAIR");
    assertThat(result.inconsistencies()).extracting(Consolidation.Inconsistency::code)
        .containsExactly("ACTIVITY_OUTSIDE_PLAN", "LOCATION_OUTSIDE_AFFECTED_AREAS",
            "TARGET_EXCEEDS_NEED");
    assertThat(result.inconsistencies().get(0).projectId()).isEqualTo("LB-EDU-001");
  }

  @Test
  void noAcceptedProjectIsAnInconsistency() {
    Consolidation result = new Consolidator().consolidate(PLAN, ASSESSMENT, List.of(),
        "2026-11-23T00:00Z");
    assertThat(result.totalUsd()).isEqualByComparingTo("0");
    assertThat(result.inconsistencies()).extracting(Consolidation.Inconsistency::code)
        .containsExactly("NO_ACCEPTED_PROJECTS");
  }

  @Test
  void scorecardWeightsTheCriteria() {
    assertThat(Scorecard.weightedScore(new Scorecard.Ratings(5, 5, 5, 5, 5))).isEqualTo(100);
    assertThat(Scorecard.weightedScore(new Scorecard.Ratings(0, 0, 0, 0, 0))).isZero();
    // (35*5 + 25*4 + 15*3 + 15*4 + 10*5) / 5 = 430 / 5
    assertThat(Scorecard.weightedScore(new Scorecard.Ratings(5, 4, 3, 4, 5))).isEqualTo(86);
    // (35*3 + 25*3 + 15*2 + 15*2 + 10*1) / 5 = 250 / 5
    assertThat(Scorecard.weightedScore(new Scorecard.Ratings(3, 3, 2, 2, 1))).isEqualTo(50);
  }
}
