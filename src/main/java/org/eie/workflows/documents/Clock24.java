package org.eie.workflows.documents;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates with a time of day as every page and document of ours prints them: the date as the
 * language writes it, the time on the 24-hour clock ("20 Nov 2026 18:08"). The JDK's localized
 * date-and-time styles give English "6:08 PM", which is easily misread across time zones and
 * languages; humanitarian reports give times on the 24-hour clock.
 */
public final class Clock24 {

  private Clock24() {
  }

  /** The language's date in the given style, then hours and minutes, 00:00 to 23:59. */
  public static DateTimeFormatter dateAndTime(FormatStyle dateStyle, Locale locale) {
    String date = DateTimeFormatterBuilder.getLocalizedDateTimePattern(dateStyle, null,
        IsoChronology.INSTANCE, locale);
    return DateTimeFormatter.ofPattern(date + " HH:mm", locale);
  }
}
