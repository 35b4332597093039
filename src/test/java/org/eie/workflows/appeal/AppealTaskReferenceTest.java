package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.eie.workflows.tasklist.TaskHeadings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What tells two appeals of one emergency in one country apart in their tasks' names. */
@Tag("fast")
class AppealTaskReferenceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  @Test
  void theKeyGivesTheOnsetDayAndTheShortReference() {
    assertThat(AppealTaskContext.reference("APPEAL-LB-20261205-3f2a", null, TODAY))
        .isEqualTo("onset 5 Dec, ref 3f2a");
    assertThat(AppealTaskContext.reference("APPEAL-LB-20251205-0157", null, TODAY))
        .isEqualTo("onset 5 Dec 2025, ref 0157");
  }

  @Test
  void anotherKeyFallsBackToTheOnsetVariable() {
    assertThat(AppealTaskContext.reference("SCENARIO-1",
        Date.from(Instant.parse("2026-11-20T10:08:00Z")), TODAY)).isEqualTo("onset 20 Nov");
    assertThat(AppealTaskContext.reference(null, null, TODAY)).isNull();
  }

  @Test
  void theActivationTaskCarriesIt() {
    String wording = TaskHeadings.worded(
        "emergencyFundingAppeal.Task_ConfirmActivation.name", Map.of("emergency",
            "Cholera outbreak", "country", "Lebanon", "reference", "onset 5 Dec, ref 3f2a"));
    assertThat(wording)
        .isEqualTo("Confirm activation: Cholera outbreak, Lebanon (onset 5 Dec, ref 3f2a)");
    assertThat(TaskHeadings.worded(
        "emergencyFundingAppeal.Task_ConfirmActivation.name", Map.of("emergency", "Floods")))
        .isEqualTo("Confirm activation: Floods");
  }
}
