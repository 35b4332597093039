package org.eie.workflows.documents;

import java.util.Locale;

/**
 * Names that have a standard form in each language, taken from CLDR through the JDK: every
 * document (the appeal, the plan, the training report) and the donors' e-mail name a country
 * or a language the same way, as a reader of the document's language writes it (Liban, لبنان).
 */
public final class Names {

  private Names() {
  }

  /**
   * The country with this ISO 3166 code as the language names it; the given name (as the
   * deployment configures it, in English) for a code CLDR does not know, or when there is no code.
   */
  public static String country(String code, Locale language, String fallback) {
    if (code == null || code.isBlank()) {
      return fallback;
    }
    String name = new Locale("", code.strip()).getDisplayCountry(language);
    return name.isBlank() || name.equalsIgnoreCase(code.strip())
        ? (fallback == null ? code : fallback) : name;
  }

  /** The language with this tag ({@code ar}, {@code pt-BR}) as the document's language names it. */
  public static String language(String tag, Locale language) {
    if (tag == null || tag.isBlank()) {
      return tag;
    }
    String name = Locale.forLanguageTag(tag).getDisplayName(language);
    return name.isBlank() ? tag : name;
  }
}
