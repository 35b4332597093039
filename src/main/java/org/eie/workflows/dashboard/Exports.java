package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The appeals as CSV for spreadsheets and as HXL-tagged CSV (the Humanitarian Exchange Language:
 * a second row of hashtags) for HDX and other humanitarian data tools. Read as the caller, like
 * every other figure.
 */
@Service
class Exports {

  static final String SECTOR = "Education";

  private final AppealReads appeals;
  private final EngineReads reads;
  private final MessageSource messages;

  Exports(AppealReads appeals, EngineReads reads, DashboardMessages messages) {
    this.appeals = appeals;
    this.reads = reads;
    this.messages = messages.source();
  }

  private record Column(String header, String hashtag) {
  }

  private static final List<Column> APPEAL_COLUMNS = List.of(
      new Column("Country code", "#country+code"),
      new Column("Country", "#country+name"),
      new Column("Appeal", "#activity+appeal+id+external"),
      new Column("Appeal name", "#activity+appeal+name"),
      new Column("Appeal type", "#activity+appeal+type"),
      new Column("Emergency", "#crisis+type"),
      new Column("Onset", "#date+start"),
      new Column("Status", "#status"),
      new Column("Sector", "#sector+cluster+name"),
      new Column("Required (USD)", "#value+funding+required+usd"),
      new Column("Funded (USD)", "#value+funding+total+usd"),
      new Column("Pledged (USD)", "#value+funding+pledged+usd"),
      new Column("Coverage (%)", "#value+funding+pct"),
      new Column("Overdue", "#indicator+overdue"));

  private static final List<Column> REQUIREMENT_COLUMNS = List.of(
      new Column("Country code", "#country+code"),
      new Column("Appeal", "#activity+appeal+id+external"),
      new Column("Project", "#activity+project+id"),
      new Column("Project title", "#activity+project+name"),
      new Column("Activity code", "#activity+code"),
      new Column("Activity", "#activity+name"),
      new Column("Partner", "#org+impl"),
      new Column("Areas", "#adm1+name"),
      new Column("Sector", "#sector+cluster+name"),
      new Column("Required (USD)", "#value+funding+required+usd"),
      new Column("Girls targeted", "#targeted+f+children"),
      new Column("Boys targeted", "#targeted+m+children"));

  /** One row per appeal the caller sees. */
  String appeals(boolean hxl) {
    List<AppealReads.Appeal> all = appeals.all(AppealReads.Filter.ANY);
    Map<String, AppealReads.Funding> funding = appeals.funding(
        all.stream().map(AppealReads.Appeal::id).toList());
    Map<String, StoredVariables> triggers = reads.variables(
        all.stream().map(AppealReads.Appeal::id).toList(), "trigger");
    StringBuilder csv = header(APPEAL_COLUMNS, hxl);
    for (AppealReads.Appeal appeal : all) {
      String emergency = EngineReads.text(triggers.get(appeal.id()).object("trigger"),
          "emergencyType");
      AppealReads.Funding money = funding.get(appeal.id());
      String type = appeal.appealType() == null ? "" : messages.getMessage(
          "appealType." + appeal.appealType(), null, appeal.appealType(), Locale.ENGLISH);
      row(csv, appeal.country(), appeal.countryName(), appeal.businessKey(),
          String.join(" ", List.of(nz(appeal.countryName()), nz(emergency), type)).trim(),
          appeal.appealType(), emergency,
          appeal.onset() == null ? null : appeal.onset().atOffset(ZoneOffset.UTC).toLocalDate(),
          appeal.status(), SECTOR, usd(money.requiredUsd()), usd(money.fundedUsd()),
          usd(money.pledgedUsd()),
          money.coveragePercent(), appeal.overdue() ? "yes" : "no");
    }
    return csv.toString();
  }

  /**
   * Requirements by activity and partner: one row per activity of each accepted project. The
   * children targeted are the project's, repeated on each of its activity rows: sum them per
   * project, not per row.
   */
  String requirements(boolean hxl) {
    List<AppealReads.Appeal> all = appeals.all(AppealReads.Filter.ANY);
    Map<String, StoredVariables> projects = reads.variables(
        all.stream().map(AppealReads.Appeal::id).toList(), "projects");
    StringBuilder csv = header(REQUIREMENT_COLUMNS, hxl);
    for (AppealReads.Appeal appeal : all) {
      JsonNode list = projects.get(appeal.id()).object("projects");
      if (list == null) {
        continue;
      }
      for (JsonNode project : list.path("projects")) {
        if (!"ACCEPTED".equals(EngineReads.text(project, "status"))) {
          continue;
        }
        List<String> areas = new ArrayList<>();
        project.path("locations").forEach(area -> areas.add(area.asText()));
        JsonNode targeted = project.path("targeted");
        for (JsonNode line : project.path("activities")) {
          String code = EngineReads.text(line, "activity");
          row(csv, appeal.country(), appeal.businessKey(), EngineReads.text(project, "id"),
              EngineReads.text(project, "title"), code,
              messages.getMessage("activity." + code, null, code, Locale.ENGLISH),
              EngineReads.text(project, "partner"), String.join("; ", areas), SECTOR,
              usd(line.path("budgetUsd").decimalValue()), targeted.path("girls").asLong(),
              targeted.path("boys").asLong());
        }
      }
    }
    return csv.toString();
  }

  private static StringBuilder header(List<Column> columns, boolean hxl) {
    StringBuilder csv = new StringBuilder();
    csv.append(columns.stream().map(Column::header).map(Exports::cell)
        .collect(Collectors.joining(","))).append("\r\n");
    if (hxl) {
      csv.append(columns.stream().map(Column::hashtag).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv;
  }

  private static void row(StringBuilder csv, Object... values) {
    List<String> cells = new ArrayList<>();
    for (Object value : values) {
      cells.add(cell(value instanceof BigDecimal number ? number.toPlainString()
          : value == null ? "" : value.toString()));
    }
    csv.append(String.join(",", cells)).append("\r\n");
  }

  /** RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0
        && !text.matches("-?\\d+(\\.\\d+)?")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** Whole dollars without decimals, cents where there are any. */
  private static BigDecimal usd(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
