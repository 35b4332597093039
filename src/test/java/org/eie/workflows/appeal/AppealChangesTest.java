package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.appeal.AppealChanges.ProjectLine;
import org.eie.workflows.appeal.AppealChanges.PublishedFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the page "What changed since version N" and the donors' summary are computed from. */
@Tag("fast")
class AppealChangesTest {

  private static ProjectLine project(String code, String amount) {
    return new ProjectLine(code, "Partner of " + code, "Project " + code, new BigDecimal(amount));
  }

  @Test
  void projectsAreAddedChangedOrWithdrawnByTheirCodeAndFiguresKeepBothSides() {
    var before = new PublishedFigures(1, new BigDecimal("700000"), 4720, 115000, null,
        List.of(project("LB-EDU-001", "300000"), project("LB-EDU-002", "400000")));
    var after = new PublishedFigures(2, new BigDecimal("500000"), 4720, 125000,
        new BigDecimal("100000"),
        List.of(project("LB-EDU-002", "350000"), project("LB-EDU-003", "150000")));

    AppealChanges changes = AppealChanges.between(before, after, "The JENA");

    assertThat(changes.sinceVersion()).isEqualTo(1);
    assertThat(changes.added()).extracting(ProjectLine::code).containsExactly("LB-EDU-003");
    assertThat(changes.changed()).singleElement().satisfies(change -> {
      assertThat(change.code()).isEqualTo("LB-EDU-002");
      assertThat(change.beforeUsd()).isEqualByComparingTo("400000");
      assertThat(change.afterUsd()).isEqualByComparingTo("350000");
    });
    assertThat(changes.withdrawn()).extracting(ProjectLine::code).containsExactly("LB-EDU-001");
    assertThat(changes.requirementUsd().difference()).isEqualByComparingTo("-200000");
    assertThat(changes.peopleInNeed().difference()).isEqualByComparingTo("10000");
    assertThat(changes.peopleTargeted().changed()).isFalse();
    // Version 1 had no funding section (no pledge recorded then): it had received nothing, so
    // the change is all that was received since, not "not known".
    assertThat(changes.fundedUsd().before()).isEqualByComparingTo("0");
    assertThat(changes.fundedUsd().difference()).isEqualByComparingTo("100000");
    assertThat(changes.fundedUsd().changed()).isTrue();

    var summary = changes.summary();
    assertThat(summary.projectsAdded()).isEqualTo(1);
    assertThat(summary.projectsChanged()).isEqualTo(1);
    assertThat(summary.projectsWithdrawn()).isEqualTo(1);
    assertThat(summary.requirementAfter()).isEqualByComparingTo("500000");
  }

  @Test
  void aNewBudgetIsSpreadOverTheActivitiesInProportionAndAddsUpToTheCent() {
    var project = new PartnerProject("LB-EDU-001", "LEA", "lea", "Learning spaces",
        List.of(new ActivityBudget("TEMPORARY_LEARNING_SPACES", new BigDecimal("250000")),
            new ActivityBudget("PSYCHOSOCIAL_SUPPORT", new BigDecimal("50000"))),
        List.of("Beirut"), null, 6, ProjectStatus.ACCEPTED, 1, "partner.lb", "2026-11-20", null);

    PartnerProject revised = project.withBudget(new BigDecimal("200000.01"));

    assertThat(revised.budgetUsd()).isEqualByComparingTo("200000.01");
    assertThat(revised.activities().get(0).budgetUsd()).isEqualByComparingTo("166666.68");
    assertThat(revised.activities().get(1).budgetUsd()).isEqualByComparingTo("33333.33");
    assertThat(revised.status()).isEqualTo(ProjectStatus.ACCEPTED);
    assertThat(project.withdrawn().status()).isEqualTo(ProjectStatus.WITHDRAWN);
  }
}
