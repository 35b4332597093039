package org.eie.workflows.dashboard;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's wording, English and French, from {@code templates/dashboard/messages*.properties}
 * (UTF-8) so the Language Communities can translate it without touching code.
 */
@Component
class DashboardMessages {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

  private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

  DashboardMessages() {
    source.setBasename("templates/dashboard/messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
  }

  MessageSource source() {
    return source;
  }

  /** The page's language: ?lang=, else the browser's first supported language, else English. */
  static Locale languageOf(String lang, Locale requested) {
    for (Locale language : LANGUAGES) {
      if (lang != null && lang.equalsIgnoreCase(language.getLanguage())) {
        return language;
      }
    }
    if (lang == null && requested != null) {
      for (Locale language : LANGUAGES) {
        if (language.getLanguage().equals(requested.getLanguage())) {
          return language;
        }
      }
    }
    return Locale.ENGLISH;
  }
}
