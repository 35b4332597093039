package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.Csv;
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
    Csv csv = header(APPEAL_COLUMNS, hxl);
    for (AppealReads.Appeal appeal : all) {
      String emergency = EngineReads.text(triggers.get(appeal.id()).object("trigger"),
          "emergencyType");
      AppealReads.Funding money = funding.get(appeal.id());
      String type = appeal.appealType() == null ? "" : messages.getMessage(
          "appealType." + appeal.appealType(), null, appeal.appealType(), Locale.ENGLISH);
      csv.text(appeal.country()).text(appeal.countryName()).text(appeal.businessKey())
          .text(String.join(" ", List.of(nz(appeal.countryName()), nz(emergency), type)).trim())
          .text(appeal.appealType()).text(emergency)
          .text(appeal.onset() == null ? null
              : appeal.onset().atOffset(ZoneOffset.UTC).toLocalDate().toString())
          .text(appeal.status()).text(SECTOR).number(usd(money.requiredUsd()))
          .number(usd(money.fundedUsd())).number(usd(money.pledgedUsd()))
          .number(money.coveragePercent()).text(appeal.overdue() ? "yes" : "no").endRow();
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
    Csv csv = header(REQUIREMENT_COLUMNS, hxl);
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
          csv.text(appeal.country()).text(appeal.businessKey())
              .text(EngineReads.text(project, "id")).text(EngineReads.text(project, "title"))
              .text(code).text(messages.getMessage("activity." + code, null, code, Locale.ENGLISH))
              .text(EngineReads.text(project, "partner")).text(String.join("; ", areas))
              .text(SECTOR).number(usd(line.path("budgetUsd").decimalValue()))
              .number(targeted.path("girls").asLong()).number(targeted.path("boys").asLong())
              .endRow();
        }
      }
    }
    return csv.toString();
  }

  private static Csv header(List<Column> columns, boolean hxl) {
    Csv csv = new Csv().row(columns.stream().map(Column::header).toList());
    return hxl ? csv.row(columns.stream().map(Column::hashtag).toList()) : csv;
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
