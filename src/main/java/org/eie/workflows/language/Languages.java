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

  public static boolean isRightToLeft(String code) {
    return RIGHT_TO_LEFT.contains(code);
  }
}
