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
}
