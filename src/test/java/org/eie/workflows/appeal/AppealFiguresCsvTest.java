package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures embedded in the PDF speak the exports' HXL and write money one way. */
class AppealFiguresCsvTest {

  private static final List<List<String>> ROWS = AppealFiguresCsv.read(
      AppealFiguresCsv.write(AppealDocumentSamples.lebanonBeirutExplosion(1)));

  @Test
  void aProjectAndAnActivityAreTaggedAsTheRequirementsExportTagsThem() {
    List<String> hashtags = ROWS.get(1);
    assertThat(hashtags.get(ROWS.get(0).indexOf("Project"))).isEqualTo("#activity+project+id");
    assertThat(hashtags.get(ROWS.get(0).indexOf("Activity code"))).isEqualTo("#activity+code");
    assertThat(hashtags.get(ROWS.get(0).indexOf("Appeal type")))
        .isEqualTo("#activity+appeal+type");
    // The appeal's own reference keeps its tag: a project code never wears it.
    assertThat(hashtags).doesNotContain("#activity+appeal+id+external", "#sector+activity+code");
  }

  @Test
  void everyAmountHasTwoDecimals() {
    int required = ROWS.get(1).indexOf("#value+funding+required+usd");
    List<String> amounts = ROWS.stream().skip(2).map(row -> row.get(required)).toList();
    assertThat(amounts).isNotEmpty().allSatisfy(amount ->
        assertThat(amount).matches("-?\\d+\\.\\d{2}"));
  }
}
