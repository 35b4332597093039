package org.eie.workflows.appeal.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eie.workflows.appeal.document.AppealDocument.AgeGroup;
import org.eie.workflows.appeal.document.AppealDocument.PartnerRequirement;
import org.eie.workflows.appeal.document.AppealDocument.People;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.documents.Digits;
import org.eie.workflows.documents.DocumentRequest;

/**
 * The template's helper ({@code ${fmt...}}): numbers and dates as a reader of the document's language writes them ({@code 1,234,567} and
 * {@code 4 August 2020} in English, {@code 1 234 567} and {@code 4 août 2020} in French). The
 * template calls it as {@code ${fmt.number(x)}}; a {@code null} comes back as {@code null}, so
 * the template can say "not known" in its own words. It also arranges figures the way the tables
 * show them (age groups side by side, column sums); it never produces words.
 */
public final class AppealFormats {

  private final Locale locale;
  private final boolean rightToLeft;
  private final DateTimeFormatter date;
  private final DateTimeFormatter time;
  // Made once per document rather than per figure (a 200-project appeal has thousands). A
  // NumberFormat is not thread-safe: each document gets its own AppealFormats.
  private final NumberFormat integer;
  private final NumberFormat wholeUsd;
  private final NumberFormat decimal;
  private final NumberFormat cents;
  private final NumberFormat millions;
  private final NumberFormat percent;

  public AppealFormats(Locale language) {
    this.locale = language;
    this.rightToLeft = DocumentRequest.rightToLeft(language);
    // One digit system in the whole document (see Digits): dates already come with Western
    // digits, numbers would otherwise be Arabic-Indic in Arabic.
    Locale locale = Digits.western(language);
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    // Hours and minutes on the 24-hour clock in every language, as humanitarian reports give
    // times: "6:08 PM" is easily misread, and the onset is kept to the minute.
    this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
    this.integer = NumberFormat.getIntegerInstance(locale);
    this.wholeUsd = NumberFormat.getIntegerInstance(locale);
    wholeUsd.setRoundingMode(RoundingMode.HALF_UP);
    this.cents = NumberFormat.getNumberInstance(locale);
    cents.setMinimumFractionDigits(2);
    cents.setMaximumFractionDigits(2);
    this.decimal = NumberFormat.getNumberInstance(locale);
    decimal.setMaximumFractionDigits(2);
    this.millions = NumberFormat.getNumberInstance(locale);
    millions.setMinimumFractionDigits(1);
    millions.setMaximumFractionDigits(1);
    millions.setRoundingMode(RoundingMode.HALF_UP);
    this.percent = NumberFormat.getPercentInstance(locale);
    percent.setRoundingMode(RoundingMode.HALF_UP);
  }

  /** A count: people, schools. */
  public String number(Number value) {
    return value == null ? null : figure(integer.format(value));
  }

  /** A figure that may have decimals (an indicator target, a context figure). */
  public String decimal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return figure(decimal.format(value));
  }

  /**
   * An amount in US dollars without the currency sign (the column header names it): whole
   * dollars, or dollars and cents when it has cents, never rounded, so that printed rows add up
   * to the printed total exactly.
   */
  public String usd(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return figure(plainUsd(value));
  }

  private String plainUsd(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0 ? wholeUsd.format(value)
        : cents.format(value);
  }

  /**
   * A difference between two versions' figures, with its sign ({@code +150,000}, {@code -50,000},
   * {@code 0}); amounts keep their cents as {@link #usd} does.
   */
  public String signed(BigDecimal difference) {
    if (difference == null) {
      return null;
    }
    String magnitude = plainUsd(difference.abs());
    return figure(difference.signum() > 0 ? "+" + magnitude
        : difference.signum() < 0 ? "-" + magnitude : magnitude);
  }

  /** An amount in millions of US dollars with one decimal ({@code 12.4}), for the cover. */
  public String usdMillions(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return figure(millions.format(value.movePointLeft(6)));
  }

  /** A share ({@code 0.42}) as a percentage ({@code 42%}, {@code 42 %}). */
  public String percent(BigDecimal share) {
    if (share == null) {
      return null;
    }
    return figure(percent.format(share));
  }

  /** Share of a part in a whole as a percentage, or null when the whole is zero. */
  public String share(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return percent(part.divide(whole, 4, RoundingMode.HALF_UP));
  }

  /** Share of a part of people in a whole, or null when either is unknown or the whole is zero. */
  public String shareOf(Number part, Number whole) {
    if (part == null || whole == null || whole.longValue() == 0) {
      return null;
    }
    return share(BigDecimal.valueOf(part.longValue()), BigDecimal.valueOf(whole.longValue()));
  }

  /** CSS width of a progress bar for a share, capped at 100 %. */
  public String barWidth(BigDecimal share) {
    BigDecimal percent = share == null ? BigDecimal.ZERO
        : share.max(BigDecimal.ZERO).min(BigDecimal.ONE).movePointRight(2);
    return percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** Free text split into paragraphs at blank lines. */
  public List<String> paragraphs(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip)
        .filter(p -> !p.isEmpty()).toList();
  }

  /**
   * The age groups of people in need and people targeted side by side, youngest first; a side
   * without that age group has nulls ("not known").
   */
  public List<AgeRow> ageGroups(People inNeed, People targeted) {
    Map<String, AgeRow> rows = new TreeMap<>();
    for (AgeGroup group : inNeed.ageGroups()) {
      rows.merge(key(group), new AgeRow(group.fromAge(), group.toAge(), group.female(),
          group.male(), null, null), AgeRow::plus);
    }
    for (AgeGroup group : targeted.ageGroups()) {
      rows.merge(key(group), new AgeRow(group.fromAge(), group.toAge(), null, null,
          group.female(), group.male()), AgeRow::plus);
    }
    return new ArrayList<>(rows.values());
  }

  private static String key(AgeGroup group) {
    return String.format(Locale.ROOT, "%03d-%03d", group.fromAge(),
        group.toAge() == null ? 999 : group.toAge());
  }

  /** One row of the age-group table. */
  public record AgeRow(int fromAge, Integer toAge, Long femaleInNeed, Long maleInNeed,
      Long femaleTargeted, Long maleTargeted) {

    AgeRow plus(AgeRow other) {
      return new AgeRow(fromAge, toAge, sum(femaleInNeed, other.femaleInNeed),
          sum(maleInNeed, other.maleInNeed), sum(femaleTargeted, other.femaleTargeted),
          sum(maleTargeted, other.maleTargeted));
    }

    private static Long sum(Long a, Long b) {
      return a == null ? b : b == null ? a : Long.valueOf(a + b);
    }
  }

  /** People targeted over the partners' rows. */
  public long sumPeople(List<PartnerRequirement> rows) {
    return rows.stream().mapToLong(PartnerRequirement::peopleTargeted).sum();
  }

  /** People targeted over projects (a person reached by two projects counts twice). */
  public long sumProjectPeople(List<Project> projects) {
    return projects.stream().mapToLong(p -> p.peopleTargeted().total()).sum();
  }

  public BigDecimal sumProjectBudgets(List<Project> projects) {
    return projects.stream().map(Project::budgetUsd).filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public String date(LocalDate value) {
    return value == null ? null : date.format(value);
  }

  /** Date and local time where it happened, with the UTC offset. */
  public String dateTime(OffsetDateTime value) {
    if (value == null) {
      return null;
    }
    String offset = value.getOffset().getTotalSeconds() == 0 ? "" : value.getOffset().getId();
    return date.format(value) + (rightToLeft ? "\u060C " : ", ") + figure(time.format(value))
        + " (" + figure("UTC" + offset) + ")";
  }

  /**
   * A code or a name in Latin letters ({@code LB-EDU-001}) as one left-to-right unit in a
   * right-to-left document, so that it reads whole and keeps its place before or after the
   * words around it; as it is elsewhere.
   */
  public String code(String value) {
    return value == null || !rightToLeft ? value : LRI + value + PDI;
  }

  /**
   * A name as entered (a project, a partner, a place), in either script: isolated so that its
   * own direction does not reorder the words and figures around it.
   */
  public String name(String value) {
    return value == null ? null : FSI + value + PDI;
  }

  /** A figure kept together left to right in a right-to-left document (see {@link Digits#figure}). */
  private String figure(String formatted) {
    return Digits.figure(formatted, rightToLeft);
  }

  private static final String LRI = "\u2066";
  private static final String FSI = "\u2068";
  private static final String PDI = "\u2069";

  public Locale locale() {
    return locale;
  }
}
