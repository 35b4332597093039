package org.eie.workflows.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our API's refusals in the caller's language ({@code forms/problems*.properties}): a message our
 * code raised in English that reads exactly as one of the bundle's English texts, each
 * {@code {placeholder}} standing for any text, becomes that key's text in the language, with the
 * same values (each value translated too when it is one of the texts). Translated on the way
 * out, so the many places that raise "is required" need not know who reads it; a message not in
 * the bundle stays English.
 */
final class ProblemWording {

  static final String BUNDLE = "forms/problems";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** An English text as a pattern: its key, the pattern, its placeholders' names in order. */
  private record Known(String key, Pattern english, List<String> names) {
  }

  private static final List<Known> KNOWN = known();

  private ProblemWording() {
  }

  /** The title of a refusal with this HTTP status, in {@code locale}, or null if none. */
  static String title(int status, Locale locale) {
    return text(locale, "title." + status);
  }

  /** {@code message} in {@code locale} if it is one of the bundle's, else as it is. */
  static String in(String message, Locale locale) {
    if (message == null || locale == null || locale.getLanguage().equals("en")) {
      return message;
    }
    for (Known known : KNOWN) {
      Matcher matcher = known.english().matcher(message);
      if (matcher.matches()) {
        String translated = text(locale, known.key());
        if (translated == null) {
          return message;
        }
        for (int i = 0; i < known.names().size(); i++) {
          // A value may itself be one of the texts (the reason a sign-off is refused).
          translated = translated.replace("{" + known.names().get(i) + "}",
              in(matcher.group(i + 1), locale));
        }
        return translated;
      }
    }
    return message;
  }

  private static String text(Locale locale, String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException none) {
      return null;
    }
  }

  private static List<Known> known() {
    ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
    List<Known> known = new ArrayList<>();
    for (String key : Collections.list(english.getKeys())) {
      String text = english.getString(key);
      StringBuilder pattern = new StringBuilder();
      List<String> names = new ArrayList<>();
      Matcher placeholder = PLACEHOLDER.matcher(text);
      int from = 0;
      while (placeholder.find()) {
        pattern.append(Pattern.quote(text.substring(from, placeholder.start()))).append("(.+?)");
        names.add(placeholder.group(1));
        from = placeholder.end();
      }
      pattern.append(Pattern.quote(text.substring(from)));
      known.add(new Known(key, Pattern.compile(pattern.toString(), Pattern.DOTALL), names));
    }
    return List.copyOf(known);
  }
}
