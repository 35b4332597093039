package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dashboard names a step as the diagram does, without the diagram's expressions. */
@Tag("fast")
class StepNamesTest {

  @Test
  void expressionsInADiagramsNameAreLeftOut() {
    assertThat(StepNames.withoutExpressions("Plan the training workshop (${country})"))
        .isEqualTo("Plan the training workshop");
    assertThat(StepNames.withoutExpressions("Confirm alignment: ${module}"))
        .isEqualTo("Confirm alignment");
    assertThat(StepNames.withoutExpressions("Vet partner project")).isEqualTo("Vet partner project");
  }
}
