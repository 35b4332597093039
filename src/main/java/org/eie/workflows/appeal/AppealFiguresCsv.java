package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.appeal.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.AppealDocument.Project;
import org.eie.workflows.documents.Csv;

/**
 * The appeal's figures as a CSV file embedded in its PDF, so a donor's analyst reads the numbers
 * without copying them from tables. One row per project activity line, the budget of a project
 * in several areas split evenly over them as the consolidation does; a second header row carries
 * HXL hashtags (the Humanitarian Exchange Language that OCHA's tools read), so HXL-aware tools
 * recognise each column without knowing our names. Amounts in whole US dollars with a dot as
 * decimal separator, whatever the document's language.
 */
final class AppealFiguresCsv {

  static final List<String> HEADER = List.of("Country code", "Country", "Appeal type",
      "Appeal version", "Project code", "Partner", "Partner type", "Activity", "Area",
      "Requirement (USD)", "Girls targeted", "Boys targeted", "Female teachers targeted",
      "Male teachers targeted");
  static final List<String> HASHTAGS = List.of("#country+code", "#country+name",
      "#meta+appeal+type", "#meta+appeal+version", "#activity+appeal+id+external", "#org+impl",
      "#org+impl+type", "#sector+activity+code", "#adm1+name", "#value+funding+required+usd",
      "#targeted+f+children", "#targeted+m+children", "#targeted+f+adults+teachers",
      "#targeted+m+adults+teachers");

  private AppealFiguresCsv() {
  }

  static String fileName(AppealDocument appeal) {
    return "appeal-figures-" + appeal.countryCode() + "-v" + appeal.version() + ".csv";
  }

  static byte[] write(AppealDocument appeal) {
    Csv csv = new Csv().row(HEADER).row(HASHTAGS);
    var types = new java.util.HashMap<String, String>();
    appeal.partners().forEach(p -> types.put(p.name(), p.type() == null ? "" : p.type().name()));
    for (Project project : appeal.projects()) {
      List<String> areas = project.locations().isEmpty() ? List.of("") : project.locations();
      boolean firstLine = true;
      for (ActivityLine line : project.activities()) {
        BigDecimal budget = line.budgetUsd() == null ? BigDecimal.ZERO : line.budgetUsd();
        List<BigDecimal> shares = Consolidator.evenShares(budget, areas.size());
        for (int i = 0; i < areas.size(); i++) {
          // People are counted once per project: on its first line in its first area.
          boolean people = firstLine && i == 0;
          var targeted = project.peopleTargeted();
          csv.text(appeal.countryCode()).text(appeal.countryName())
              .text(appeal.appealType().name()).number(appeal.version()).text(project.code())
              .text(project.partner()).text(types.getOrDefault(project.partner(), ""))
              .text(line.activity()).text(areas.get(i)).number(shares.get(i))
              .number(people ? targeted.girls() : null)
              .number(people ? targeted.boys() : null)
              .number(people ? targeted.femaleTeachers() : null)
              .number(people ? targeted.maleTeachers() : null)
              .endRow();
        }
        firstLine = false;
      }
    }
    return csv.utf8();
  }

  /**
   * The cells as a spreadsheet sees them, defusing quotes included (for tests and for anyone
   * checking a PDF's attachment).
   */
  static List<List<String>> read(byte[] csv) {
    return Csv.read(csv);
  }
}
