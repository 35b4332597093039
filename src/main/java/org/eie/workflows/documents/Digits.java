package org.eie.workflows.documents;

import java.util.Locale;

/**
 * One digit system per document: Western digits (0-9) in every language, Arabic included.
 *
 * <p>Left alone, Java writes Arabic figures with Arabic-Indic digits (CLDR's default for
 * {@code ar}) but dates, page numbers and section numbers with Western ones, so one page mixed
 * both. Western digits throughout is what the UN's and OCHA's Arabic documents for the region
 * use and what Lebanon, Syria, Jordan and the Maghreb read daily; the figures then match, digit
 * for digit, the embedded CSV, the exports, the project codes ({@code LB-EDU-001}) and FTS, so
 * a donor's analyst can search and compare them across languages.
 */
public final class Digits {

  private Digits() {
  }

  /** The locale with CLDR's Latin numbering system ({@code ar-u-nu-latn}): Western digits. */
  public static Locale western(Locale locale) {
    return new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
  }

  /**
   * A figure as a reader of the language writes it, kept together left to right in a
   * right-to-left document (Unicode isolates, U+2066 and U+2069, which the layout honours and
   * never draws): the sign stays before the number ({@code -185,000.50}, not
   * {@code 185,000.50-}), the percent sign after it. The bidirectional marks CLDR puts into
   * Arabic figures go, because they are drawn and copied with the text and would make the figure
   * unsearchable. Left-to-right documents get the figure as it is, without marks.
   */
  public static String figure(String formatted, boolean rightToLeft) {
    if (formatted == null) {
      return null;
    }
    String plain = unmarked(formatted);
    return rightToLeft ? "\u2066" + plain + "\u2069" : plain;
  }

  /**
   * The text without the bidirectional marks (U+200E, U+200F, U+061C) CLDR puts into Arabic
   * figures and numeric dates: they are copied with the text and keep it from being found.
   */
  public static String unmarked(String formatted) {
    return formatted == null ? null : BIDI_MARKS.matcher(formatted).replaceAll("");
  }

  private static final java.util.regex.Pattern BIDI_MARKS =
      java.util.regex.Pattern.compile("[\u200E\u200F\u061C]");
}
