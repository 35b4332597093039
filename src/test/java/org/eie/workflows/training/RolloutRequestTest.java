package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rollout's request, however it arrives: codes in their canonical case and each once, the
 * installation's evaluation period unless the request sets its own (1 to 90 days), English
 * report unless asked otherwise; refused naming every bad field.
 */
@Tag("fast")
class RolloutRequestTest {

  static final Set<String> COUNTRIES = Set.of("NG", "CO");

  @Test
  void codesAreNormalisedAndDefaultsApplied() {
    var request = RolloutRequest.validated(RolloutRequest.values("2.1", "Module A\nModule B",
        "ng; co, NG", "FR\nar", null, null), COUNTRIES, 14);

    assertThat(request).isEqualTo(new RolloutRequest("2.1", List.of("Module A", "Module B"),
        List.of("NG", "CO"), List.of("fr", "ar"), 14, "en"));
  }

  @Test
  void aRequestsOwnEvaluationPeriodAndReportLanguageWin() {
    var request = RolloutRequest.validated(RolloutRequest.values("2.1", List.of("Module A"),
        List.of("NG"), List.of("fr"), 30L, "FR"), COUNTRIES, 14);

    assertThat(request.evaluationPeriodDays()).isEqualTo(30);
    assertThat(request.reportLanguage()).isEqualTo("fr");
  }

  @Test
  void aModuleTwiceAnUnknownCountryOrLanguageAndAPeriodOverNinetyDaysAreNamed() {
    assertThatThrownBy(() -> RolloutRequest.validated(RolloutRequest.values("2.1",
        "Module A\nModule A", "NG, BR", "fr, de", 91L, null), COUNTRIES, 14))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.errors()).extracting(FieldError::field).containsExactly("modules",
              "countries", "languages", "evaluationPeriodDays");
          assertThat(refused.getMessage()).contains("'BR' is not a country cluster")
              .contains("'de' has no Language Community");
        });
  }

  @Test
  void theRequiredPartsAreNamedFirst() {
    assertThatThrownBy(() -> RolloutRequest.validated(RolloutRequest.values(null, null, null,
        null, null, null), COUNTRIES, 14))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(FieldError::field)
            .containsExactly("packageVersion", "modules", "countries", "languages"));
  }
}
