package org.eie.workflows.documents;

import java.util.Arrays;
import java.util.List;

/**
 * The one vocabulary of every CSV that leaves the system (the exports and the figures embedded
 * in the appeal PDF): each column's header and its HXL hashtag with attributes, so the same
 * figure carries the same tag wherever a donor's analyst or an HXL tool meets it. The hashtags
 * are HXL core hashtags, the attributes those listed in {@code docs/hxl.md}; a test holds the
 * table to that list. The appeal columns follow OCHA's Financial Tracking Service datasets on
 * HDX ({@code #activity+appeal+id+external}, {@code #value+funding+required+usd}), so our
 * figures line up with theirs.
 */
public enum HxlColumn {
  COUNTRY_CODE("Country code", "#country+code"),
  COUNTRY("Country", "#country+name"),
  APPEAL("Appeal", "#activity+appeal+id+external"),
  APPEAL_NAME("Appeal name", "#activity+appeal+name"),
  APPEAL_TYPE("Appeal type", "#activity+appeal+type"),
  APPEAL_VERSION("Appeal version", "#meta+appeal+version"),
  EMERGENCY("Emergency", "#crisis+type"),
  ONSET("Onset", "#date+start"),
  STATUS("Status", "#status"),
  SECTOR("Sector", "#sector+cluster+name"),
  PROJECT("Project", "#activity+project+id"),
  PROJECT_TITLE("Project title", "#activity+project+name"),
  ACTIVITY_CODE("Activity code", "#activity+code"),
  ACTIVITY("Activity", "#activity+name"),
  PARTNER("Partner", "#org+impl"),
  PARTNER_TYPE("Partner type", "#org+impl+type"),
  AREA("Area", "#adm1+name"),
  REQUIRED_USD("Required (USD)", "#value+funding+required+usd"),
  FUNDED_USD("Funded (USD)", "#value+funding+total+usd"),
  PLEDGED_USD("Pledged (USD)", "#value+funding+pledged+usd"),
  COVERAGE_PERCENT("Coverage (%)", "#value+funding+pct"),
  OVERDUE("Overdue", "#indicator+overdue"),
  GIRLS_TARGETED("Girls targeted", "#targeted+f+children"),
  BOYS_TARGETED("Boys targeted", "#targeted+m+children"),
  FEMALE_TEACHERS_TARGETED("Female teachers targeted", "#targeted+f+adults+teachers"),
  MALE_TEACHERS_TARGETED("Male teachers targeted", "#targeted+m+adults+teachers");

  private final String header;
  private final String hashtag;

  HxlColumn(String header, String hashtag) {
    this.header = header;
    this.hashtag = hashtag;
  }

  /** The column's name for people, the first header row. */
  public String header() {
    return header;
  }

  /** The hashtag with its attributes, the second header row ({@code #country+code}). */
  public String hashtag() {
    return hashtag;
  }

  /** The hashtag alone ({@code #country}). */
  public String tag() {
    int plus = hashtag.indexOf('+');
    return plus < 0 ? hashtag : hashtag.substring(0, plus);
  }

  /** The attributes without their plus signs ({@code code}). */
  public List<String> attributes() {
    int plus = hashtag.indexOf('+');
    return plus < 0 ? List.of()
        : Arrays.asList(hashtag.substring(plus + 1).split("\\+"));
  }

  /**
   * A new CSV with the columns' header row and, for HXL, the row of hashtags under it.
   */
  public static Csv header(List<HxlColumn> columns, boolean hxl) {
    Csv csv = new Csv().row(columns.stream().map(HxlColumn::header).toList());
    return hxl ? csv.row(columns.stream().map(HxlColumn::hashtag).toList()) : csv;
  }
}
