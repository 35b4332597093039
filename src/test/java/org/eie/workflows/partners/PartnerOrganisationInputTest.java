package org.eie.workflows.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A partner organisation to register: in a country cluster of this installation, with a name,
 * an acronym that makes its id, and a known kind; trimmed, or refused naming every field.
 */
@Tag("fast")
class PartnerOrganisationInputTest {

  static final EieProperties PROPERTIES = new EieProperties(true, null,
      Map.of("LB", "Lebanon"));

  @Test
  void anOrganisationIsTrimmedAndItsIdMadeFromCountryAndAcronym() {
    var organisation = new PartnerOrganisationInput(" lb ", " Norwegian Refugee Council ",
        " N.R.C ", " INTERNATIONAL_NGO ").validated(PROPERTIES);

    assertThat(organisation).isEqualTo(new PartnerOrganisationInput("LB",
        "Norwegian Refugee Council", "N.R.C", "INTERNATIONAL_NGO"));
    assertThat(organisation.id()).isEqualTo("partner-LB-nrc");
  }

  @Test
  void anAcronymWithoutALetterOrDigitIsRefused() {
    assertThatThrownBy(() -> new PartnerOrganisationInput("LB", "Council", "--",
        "NATIONAL_NGO").validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("acronym");
          assertThat(refused.getMessage()).contains("needs at least one letter or digit");
        });
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    assertThatThrownBy(() -> new PartnerOrganisationInput("FR", " ",
        "A".repeat(PartnerOrganisationInput.MAX_ACRONYM + 1), "CHARITY").validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(FieldError::field).containsExactly("country", "name", "acronym", "type"));
  }

  @Test
  void aMissingCountryAndKindSayWhatIsExpected() {
    assertThatThrownBy(() -> new PartnerOrganisationInput(null, "Council", "NRC", null)
        .validated(PROPERTIES))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .contains("ISO 3166 code of the country cluster").contains("UN_AGENCY"));
  }
}
