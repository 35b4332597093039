package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eie.workflows.appeal.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.AppealDocument.Project;

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
    StringBuilder csv = new StringBuilder();
    row(csv, HEADER);
    row(csv, HASHTAGS);
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
          row(csv, List.of(appeal.countryCode(), appeal.countryName(),
              appeal.appealType().name(), String.valueOf(appeal.version()), project.code(),
              project.partner(), types.getOrDefault(project.partner(), ""), line.activity(),
              areas.get(i), shares.get(i).toPlainString(),
              people ? String.valueOf(targeted.girls()) : "",
              people ? String.valueOf(targeted.boys()) : "",
              people && targeted.femaleTeachers() != null
                  ? String.valueOf(targeted.femaleTeachers()) : "",
              people && targeted.maleTeachers() != null
                  ? String.valueOf(targeted.maleTeachers()) : ""));
        }
        firstLine = false;
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses the file back (for tests and for anyone checking a PDF's attachment). */
  static List<List<String>> read(byte[] csv) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : new String(csv, StandardCharsets.UTF_8).split("\r\n")) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append("\r\n");
  }
}
