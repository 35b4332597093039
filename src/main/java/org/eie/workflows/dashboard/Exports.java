package org.eie.workflows.dashboard;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.appeal.AppealRecords;
import org.eie.workflows.documents.Csv;
import org.eie.workflows.documents.HxlColumn;
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
  private final AppealRecords records;
  private final MessageSource messages;

  Exports(AppealReads appeals, AppealRecords records, DashboardMessages messages) {
    this.appeals = appeals;
    this.records = records;
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
    Map<String, AppealRecords.Trigger> triggers = records.triggers(
        all.stream().map(AppealReads.Appeal::id).toList());
    Csv csv = HxlColumn.header(APPEAL_COLUMNS, hxl);
    for (AppealReads.Appeal appeal : all) {
      String emergency = triggers.get(appeal.id()).emergencyType();
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
    Map<String, List<AppealRecords.AcceptedProject>> projects = records.acceptedProjects(
        all.stream().map(AppealReads.Appeal::id).toList());
    Csv csv = HxlColumn.header(REQUIREMENT_COLUMNS, hxl);
    for (AppealReads.Appeal appeal : all) {
      for (AppealRecords.AcceptedProject project : projects.get(appeal.id())) {
        for (AppealRecords.Activity line : project.activities()) {
          String code = line.code();
          csv.text(appeal.country()).text(appeal.businessKey())
              .text(project.id()).text(project.title())
              .text(code).text(messages.getMessage("activity." + code, null, code, Locale.ENGLISH))
              .text(project.partner()).text(String.join("; ", project.locations()))
              .text(SECTOR).amount(line.budgetUsd())
              .number(project.girlsTargeted()).number(project.boysTargeted())
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
