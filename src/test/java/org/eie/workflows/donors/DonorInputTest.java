package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A donor as registered: normalised so the same person is one donor (trimmed, e-mail in lower
 * case, English by default, countries and appeal types sorted), or refused naming every field.
 */
@Tag("fast")
class DonorInputTest {

  static final EieProperties PROPERTIES = new EieProperties(true, null,
      Map.of("LB", "Lebanon", "SY", "Syria"));

  @Test
  void aDonorIsNormalised() {
    var donor = new DonorInput("  ECHO ", " Marie Dupont", "Marie.Dupont@EC.Europa.eu", null,
        List.of("SY", "LB"), List.of("HRP_REVISION", "FLASH_APPEAL")).validated(PROPERTIES);

    assertThat(donor).isEqualTo(new DonorInput("ECHO", "Marie Dupont",
        "marie.dupont@ec.europa.eu", "en", List.of("LB", "SY"),
        List.of("FLASH_APPEAL", "HRP_REVISION")));
  }

  @Test
  void theLanguageIsAnIsoCodeInAnyCase() {
    assertThat(new DonorInput("ECHO", "Marie", "marie@ec.europa.eu", " FR ", null, null)
        .validated(PROPERTIES).language()).isEqualTo("fr");
    assertThatThrownBy(() -> new DonorInput("ECHO", "Marie", "marie@ec.europa.eu", "french",
        null, null).validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("language"));
  }

  @Test
  void anAddressWithoutADomainIsNotAnEmailAddress() {
    for (String email : List.of("marie", "marie@localhost", "marie dupont@ec.europa.eu",
        "Marie <marie@ec.europa.eu>")) {
      assertThatThrownBy(() -> new DonorInput("ECHO", "Marie", email, "en", null, null)
          .validated(PROPERTIES))
          .as(email).isInstanceOfSatisfying(InvalidInput.class,
              refused -> assertThat(refused.field()).isEqualTo("email"));
    }
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    assertThatThrownBy(() -> new DonorInput(" ", null, "x".repeat(255), "en", List.of("ZZ"),
        List.of("MIRACLE")).validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(FieldError::field)
            .containsExactly("organisation", "contactName", "email", "countries",
                "appealTypes"));
  }

  @Test
  void anUnknownCountryIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> new DonorInput("ECHO", "Marie", "marie@ec.europa.eu", "en",
        List.of("LB", "FR"), null).validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .contains("'FR' is not a country cluster of this installation (known: LB, SY)"));
  }
}
