package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Link;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The plan and alignment texts drafters type, without an engine. */
@Tag("fast")
class PlanTextTest {

  static final StrategicPlan INEE = PlanText.parse(StrategicPlan.INEE, "ineePlanText", """
      Advocacy | Funding rises; Policies change | EiE funding share
      # a comment
      I5: Data | Shared data | Datasets published; Users""", "cc", "Gender\nLocalisation");
  static final StrategicPlan CLUSTER = PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText",
      "Coordination | Strategies | Clusters with a strategy", null, null);

  @Test
  void prioritiesGetStableCodesAndKeepThemInTheirText() {
    assertThat(INEE.priorities()).extracting(p -> p.code() + " " + p.title())
        .containsExactly("I1 Advocacy", "I5 Data");
    assertThat(INEE.priority("I5").indicators()).containsExactly("Datasets published", "Users");
    assertThat(INEE.crossCuttingElements()).containsExactly("Gender", "Localisation");
    assertThat(PlanText.format(INEE)).isEqualTo(
        "I1: Advocacy | Funding rises; Policies change | EiE funding share\n"
            + "I5: Data | Shared data | Datasets published; Users");
    assertThat(PlanText.parse(StrategicPlan.INEE, "f", PlanText.format(INEE), "cc", "Gender"))
        .extracting(StrategicPlan::priorities).isEqualTo(INEE.priorities());
  }

  @Test
  void incompletePrioritiesAreRefusedWithTheLine() {
    assertThatThrownBy(() -> PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText",
        "Coordination | Strategies", null, null))
        // Named by the form's label for the user, by its key for programs.
        .hasMessageStartingWith("Strategic priorities: line 1").hasMessageContaining("two '|'")
        .satisfies(e -> assertThat(((org.eie.workflows.forms.InvalidInput) e).field())
            .isEqualTo("clusterPlanText"));
    assertThatThrownBy(() -> PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText",
        "C1: A | b | c\nC1: D | e | f", null, null)).hasMessageContaining("used twice");
    assertThatThrownBy(() -> PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText",
        "I1: A | b | c", null, null)).hasMessageContaining("must be C followed by a number");
    assertThatThrownBy(() -> PlanText.parse(StrategicPlan.INEE, "ineePlanText", " \n", "cc", "x"))
        .hasMessageStartingWith("Strategic priorities:");
    assertThatThrownBy(() -> PlanText.parse(StrategicPlan.INEE, "ineePlanText", "A | b | c", "cc", ""))
        .hasMessageStartingWith("Cc:");
  }

  @Test
  void alignmentMapsBothWaysAndFlagsWhatIsLeft() {
    List<Link> links = Alignment.parse("alignmentText", "I1 = C1\nC1 = I1\nI5 =", INEE, CLUSTER);
    assertThat(links).containsExactly(new Link("I1", "C1"));
    var map = new AlignmentMap(links, List.of(), null);
    assertThat(Alignment.unmatched(map, INEE, CLUSTER)).containsExactly("I5");
    assertThat(Alignment.unmatched(new AlignmentMap(links, List.of("I5"), "own role"), INEE, CLUSTER))
        .isEmpty();
    assertThat(Alignment.format(map, INEE, CLUSTER)).isEqualTo("I1 = C1\nI5 = ");
    assertThatThrownBy(() -> Alignment.parse("alignmentText", "I2 = C1", INEE, CLUSTER))
        .hasMessageContaining("'I2' is not a priority of INEE's plan (I1, I5)");
  }
}
