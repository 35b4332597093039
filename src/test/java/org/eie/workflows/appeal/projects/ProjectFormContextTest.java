package org.eie.workflows.appeal.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.appeal.ActivityBudget;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PeopleTargeted;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.variables.JsonVariables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the vetting and revision forms show of a partner project, formatted for people. */
@Tag("fast")
class ProjectFormContextTest {

  static final PartnerProject PROJECT = new PartnerProject("LB-EDU-001",
      "Lebanese Education Association", "LB-lea", "Temporary learning spaces",
      List.of(new ActivityBudget("TEMPORARY_LEARNING_SPACES", new BigDecimal("300000.0")),
          new ActivityBudget("PSYCHOSOCIAL_SUPPORT", new BigDecimal("125000.00"))),
      List.of("Burj Hammoud"), new PeopleTargeted(1200, 1100, 40, 20, 150), 6,
      ProjectStatus.SUBMITTED, 1, "partner.lb", "2026-11-20T12:00:00Z", List.of());

  @Test
  void vettingShowsTheBudgetLinesByNameWithSeparatorsAndCurrency() {
    assertThat(JsonVariables.forForm(VetPartnerProject.budgetLines(PROJECT)).getValueSerialized())
        .isEqualTo("["
        + "{\"activity\":\"Temporary learning spaces\",\"budget\":\"USD 300,000\"},"
        + "{\"activity\":\"Psychosocial support\",\"budget\":\"USD 125,000\"},"
        + "{\"activity\":\"Total\",\"budget\":\"USD 425,000\"}]");
    assertThat(ProjectText.withoutBudgetLines(PROJECT))
        .contains("Total budget: USD 425,000", "1,200 girls", "Burj Hammoud")
        .doesNotContain("TEMPORARY_LEARNING_SPACES", "300000");
  }
}
