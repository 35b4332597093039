package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The figures embedded in the PDF speak the exports' HXL and write money one way. */
@Tag("fast")
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
  void everyAmountHasTwoDecimalsWhateverScaleItWasStoredWith() {
    // A budget read from a form's number arrives as 350000.0; another has cents.
    var appeal = AppealDocumentSamples.lebanonBeirutExplosion(1);
    var project = appeal.projects().get(0);
    var line = project.activities().get(0);
    var budgets = new java.util.ArrayList<>(project.activities());
    budgets.set(0, new AppealDocument.ActivityLine(line.activity(), line.description(),
        new java.math.BigDecimal("350000.0")));
    var changed = new AppealDocument(appeal.countryCode(), appeal.countryName(),
        appeal.appealType(), appeal.version(), appeal.date(), appeal.emergencyType(),
        appeal.onset(), appeal.periodStart(), appeal.periodEnd(), appeal.crisisSummary(),
        appeal.affectedAreas(), appeal.keyFigures(), appeal.peopleInNeed(),
        appeal.peopleTargeted(), appeal.schools(), appeal.teachersAffected(), appeal.response(),
        null, List.of(new AppealDocument.Project(project.code(), project.partner(),
            project.title(), budgets, List.of("Beirut"), project.peopleTargeted(),
            project.durationMonths())), appeal.partners(), appeal.coLeads(), appeal.signOff(),
        appeal.dataGaps(), appeal.risks(), appeal.funding());
    var rows = AppealFiguresCsv.read(AppealFiguresCsv.write(changed));
    int required = rows.get(1).indexOf("#value+funding+required+usd");
    List<String> amounts = rows.stream().skip(2).map(row -> row.get(required)).toList();
    assertThat(amounts).contains("350000.00").allSatisfy(amount ->
        assertThat(amount).matches("-?\\d+\\.\\d{2}"));
  }
}
