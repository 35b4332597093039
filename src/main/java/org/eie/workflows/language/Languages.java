package org.eie.workflows.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages every word a user reads exists in: the dashboard, the documents, the e-mails and
 * the wording written into Tasklist. The one list to extend for a new language, once its message
 * bundles exist (BundlesInFiveLanguagesTest lists what is missing).
 */
public final class Languages {

  public static final String ENGLISH = "en";

  /** ISO 639-1 codes, English (the fallback) first. */
  public static final List<String> CODES = List.of(ENGLISH, "fr", "es", "pt", "ar");

  /** Written right to left: pages in them carry {@code dir="rtl"}. */
  private static final List<String> RIGHT_TO_LEFT = List.of("ar");

  private Languages() {
  }

  /** The code of ours that {@code code} names ("FR", " es "), or null if it is none of ours. */
  public static String ours(String code) {
    if (code == null) {
      return null;
    }
    String normalised = code.strip().toLowerCase(Locale.ROOT);
    return CODES.contains(normalised) ? normalised : null;
  }

  /**
   * The language a person reads a page in: the one asked for with {@code ?lang=}, else the one
   * they chose ({@link PersonalLanguage}), else their browser's first of ours by preference, else
   * English.
   */
  public static String forPage(String asked, String chosen, String acceptLanguage) {
    for (String candidate : new String[] {ours(asked), ours(chosen), ofBrowser(acceptLanguage)}) {
      if (candidate != null) {
        return candidate;
      }
    }
    return ENGLISH;
  }

  /** The browser's {@code Accept-Language}: its most wanted language of ours, or null. */
  public static String ofBrowser(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return null;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        String language = ours(range.getRange().split("-")[0]);
        if (language != null && range.getWeight() > 0) {
          return language;
        }
      }
    } catch (IllegalArgumentException malformed) {
      // a header we cannot read says nothing
    }
    return null;
  }

  static String ofBrowser(jakarta.servlet.http.HttpServletRequest request) {
    return forPage(null, null, request.getHeader("Accept-Language"));
  }

  public static boolean isRightToLeft(String code) {
    return RIGHT_TO_LEFT.contains(code);
  }
}
