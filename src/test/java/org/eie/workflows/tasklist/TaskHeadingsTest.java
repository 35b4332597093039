package org.eie.workflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The wording of task names and the figures forms show, without an engine. */
@Tag("fast")
class TaskHeadingsTest {

  @Test
  void vettingTaskNamesTheProjectItsPlaceAndItsPartner() {
    String wording = TaskHeadings.wording("emergencyFundingAppeal.Task_VetProject.name",
        "emergencyFundingAppeal.name");
    assertThat(TaskHeadings.fill(wording, Map.of("project", "Temporary learning spaces",
        "location", "Burj Hammoud", "partner", "Lebanese Education Association")))
        .isEqualTo("Vet: Temporary learning spaces in Burj Hammoud — Lebanese Education Association");
  }

  @Test
  void activationNamesTheEmergencyAndTheCountry() {
    String wording = TaskHeadings.wording("emergencyFundingAppeal.Task_ConfirmActivation.name",
        "emergencyFundingAppeal.name");
    assertThat(TaskHeadings.fill(wording, Map.of("emergency", "Explosion", "country", "Lebanon")))
        .isEqualTo("Confirm activation: Explosion, Lebanon");
  }

  @Test
  void aTaskWithoutWordingOfItsOwnTakesItsProcesssWithTheDiagramsName() {
    String wording = TaskHeadings.wording("strategicPlanningCycle.Task_EvaluateCycle.name",
        "strategicPlanningCycle.name");
    assertThat(TaskHeadings.fill(wording, Map.of("taskName", "Evaluate the cycle",
        "cycle", "2027-2029"))).isEqualTo("Evaluate the cycle: 2027-2029");
  }

  @Test
  void aMissingValueLeavesNoDanglingSeparator() {
    assertThat(TaskHeadings.fill("{taskName}: {emergency}, {country}",
        Map.of("taskName", "Rapid needs assessment", "country", "Lebanon")))
        .isEqualTo("Rapid needs assessment: Lebanon");
    assertThat(TaskHeadings.fill("{taskName}: {cycle}", Map.of("taskName", "Launch")))
        .isEqualTo("Launch");
  }

  @Test
  void aNameLongerThanCamundasColumnIsShortened() {
    String name = TaskHeadings.shortened("x".repeat(300), TaskHeadings.NAME_LENGTH);
    assertThat(name).hasSize(255).endsWith("…");
  }

  @Test
  void figuresReadAsPeopleWriteThem() {
    assertThat(Figures.usd(new BigDecimal("2400000.00"))).isEqualTo("USD 2,400,000");
    assertThat(Figures.usd(new BigDecimal("1234.5"))).isEqualTo("USD 1,234.50");
    assertThat(Figures.count(300000L)).isEqualTo("300,000");
    assertThat(Figures.label("PSYCHOSOCIAL_SUPPORT")).isEqualTo("Psychosocial support");
    assertThat(Figures.label("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
  }
}
