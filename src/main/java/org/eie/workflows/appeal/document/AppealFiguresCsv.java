package org.eie.workflows.appeal.document;

import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.appeal.Consolidator;
import org.eie.workflows.appeal.document.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.documents.Csv;
import org.eie.workflows.documents.HxlColumn;

/**
 * The appeal's figures as a CSV file embedded in its PDF, so a donor's analyst reads the numbers
 * without copying them from tables. One row per project activity line, the budget of a project
 * in several areas split evenly over them as the consolidation does; a second header row carries
 * HXL hashtags (the Humanitarian Exchange Language that OCHA's tools read), so HXL-aware tools
 * recognise each column without knowing our names. Columns and hashtags are the exports' own
 * ({@link HxlColumn}); amounts in US dollars with two decimals and a dot as decimal separator,
 * whatever the document's language.
 */
final class AppealFiguresCsv {

  static final List<HxlColumn> COLUMNS = List.of(HxlColumn.COUNTRY_CODE, HxlColumn.COUNTRY,
      HxlColumn.APPEAL_TYPE, HxlColumn.APPEAL_VERSION, HxlColumn.PROJECT, HxlColumn.PARTNER,
      HxlColumn.PARTNER_TYPE, HxlColumn.ACTIVITY_CODE, HxlColumn.AREA, HxlColumn.REQUIRED_USD,
      HxlColumn.GIRLS_TARGETED, HxlColumn.BOYS_TARGETED, HxlColumn.FEMALE_TEACHERS_TARGETED,
      HxlColumn.MALE_TEACHERS_TARGETED);
  static final List<String> HEADER = COLUMNS.stream().map(HxlColumn::header).toList();
  static final List<String> HASHTAGS = COLUMNS.stream().map(HxlColumn::hashtag).toList();

  private AppealFiguresCsv() {
  }

  static String fileName(AppealDocument appeal) {
    return "appeal-figures-" + appeal.countryCode() + "-v" + appeal.version() + ".csv";
  }

  static byte[] write(AppealDocument appeal) {
    Csv csv = HxlColumn.header(COLUMNS, true);
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
              .text(line.activity()).text(areas.get(i)).amount(shares.get(i))
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
