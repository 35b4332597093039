package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers and dates as a reader of the document's language writes them ({@code 1,234,567} and
 * {@code 4 August 2020} in English, {@code 1 234 567} and {@code 4 août 2020} in French). The
 * template calls it as {@code ${fmt.number(x)}}; a {@code null} comes back as {@code null}, so
 * the template can say "not known" in its own words.
 */
public final class AppealFormats {

  private final Locale locale;
  private final DateTimeFormatter date;
  private final DateTimeFormatter time;

  public AppealFormats(Locale locale) {
    this.locale = locale;
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
  }

  /** A count: people, schools. */
  public String number(Number value) {
    return value == null ? null : NumberFormat.getIntegerInstance(locale).format(value);
  }

  /** An amount in whole US dollars, without the currency sign (the column header names it). */
  public String usd(BigDecimal value) {
    if (value == null) {
      return null;
    }
    var format = NumberFormat.getIntegerInstance(locale);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** An amount in millions of US dollars with one decimal ({@code 12.4}), for the cover. */
  public String usdMillions(BigDecimal value) {
    if (value == null) {
      return null;
    }
    var format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value.movePointLeft(6));
  }

  /** A share ({@code 0.42}) as a percentage ({@code 42%}, {@code 42 %}). */
  public String percent(BigDecimal share) {
    if (share == null) {
      return null;
    }
    var format = NumberFormat.getPercentInstance(locale);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(share);
  }

  /** Share of a part in a whole as a percentage, or null when the whole is zero. */
  public String share(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return percent(part.divide(whole, 4, RoundingMode.HALF_UP));
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
    return date.format(value) + ", " + time.format(value) + " (UTC" + offset + ")";
  }

  public Locale locale() {
    return locale;
  }
}
