package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every appeal document a donor saves has a name of its own. */
@Tag("fast")
class AppealFileNameTest {

  @Test
  void twoAppealsOfOneCountryOnOneDayAndTheirVersionsAndLanguagesHaveTheirOwnNames() {
    String first = AppealFileName.of("APPEAL-LB-20261120-1a2b", "id-1", 1, null);
    String second = AppealFileName.of("APPEAL-LB-20261120-9f3c", "id-2", 1, null);
    assertThat(first).isEqualTo("emergency-funding-appeal-LB-20261120-1a2b-v1.pdf");
    assertThat(second).isNotEqualTo(first);
    assertThat(AppealFileName.of("APPEAL-LB-20261120-1a2b", "id-1", 2, null))
        .isNotEqualTo(first);
    assertThat(AppealFileName.of("APPEAL-LB-20261120-1a2b", "id-1", 1, "fr"))
        .isEqualTo("emergency-funding-appeal-LB-20261120-1a2b-v1-fr.pdf");
    assertThat(AppealFileName.of(null, "c7bf-f179", 1, null))
        .isEqualTo("emergency-funding-appeal-c7bf-f179-v1.pdf");
  }
}
