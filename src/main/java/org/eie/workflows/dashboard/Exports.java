package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.Csv;
import org.eie.workflows.documents.HxlColumn;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The appeals as CSV for spreadsheets and as HXL-tagged CSV (the Humanitarian Exchange Language:
 * a second row of hashtags) for HDX and other humanitarian data tools. Read as the caller, like
 * every other figure. Columns, hashtags and the amounts' format are those of every CSV we write
 * ({@link HxlColumn}, {@link Csv#amount}).
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

  private static final List<HxlColumn> APPEAL_COLUMNS = List.of(HxlColumn.COUNTRY_CODE,
      HxlColumn.COUNTRY, HxlColumn.APPEAL, HxlColumn.APPEAL_NAME, HxlColumn.APPEAL_TYPE,
      HxlColumn.EMERGENCY, HxlColumn.ONSET, HxlColumn.STATUS, HxlColumn.SECTOR,
      HxlColumn.REQUIRED_USD, HxlColumn.FUNDED_USD, HxlColumn.PLEDGED_USD,
      HxlColumn.COVERAGE_PERCENT, HxlColumn.OVERDUE);

  private static final List<HxlColumn> REQUIREMENT_COLUMNS = List.of(HxlColumn.COUNTRY_CODE,
      HxlColumn.APPEAL, HxlColumn.PROJECT, HxlColumn.PROJECT_TITLE, HxlColumn.ACTIVITY_CODE,
      HxlColumn.ACTIVITY, HxlColumn.PARTNER, HxlColumn.AREA, HxlColumn.SECTOR,
      HxlColumn.REQUIRED_USD, HxlColumn.GIRLS_TARGETED, HxlColumn.BOYS_TARGETED);

  /** One row per appeal the caller sees. */
  String appeals(boolean hxl) {
    List<AppealReads.Appeal> all = appeals.all(AppealReads.Filter.ANY);
    Map<String, AppealReads.Funding> funding = appeals.funding(
        all.stream().map(AppealReads.Appeal::id).toList());
    Map<String, StoredVariables> triggers = reads.variables(
        all.stream().map(AppealReads.Appeal::id).toList(), "trigger");
    Csv csv = HxlColumn.header(APPEAL_COLUMNS, hxl);
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
          .text(appeal.status()).text(SECTOR).amount(money.requiredUsd())
          .amount(money.fundedUsd()).amount(money.pledgedUsd())
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
    Csv csv = HxlColumn.header(REQUIREMENT_COLUMNS, hxl);
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
              .text(SECTOR).amount(line.path("budgetUsd").decimalValue())
              .number(targeted.path("girls").asLong()).number(targeted.path("boys").asLong())
              .endRow();
        }
      }
    }
    return csv.toString();
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
