package org.eie.workflows.dashboard;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a step's name in the reader's language is found:
 * {@code templates/dashboard/steps*.properties}, keyed {@code <processKey>.<activityId>}, the
 * English file holding each diagram's name as {@link StepNames} gives it. The engine's reads (a
 * stage, a task) carry the English name, which the dashboard turns back into the key; one English
 * name has one wording in each language ({@code StepBundlesTest}), so the name is enough.
 */
final class StepWording {

  static final String BUNDLE = "templates/dashboard/steps";

  private static final Map<String, String> KEY_BY_ENGLISH_NAME = keysByEnglishName();

  private StepWording() {
  }

  /** The bundle key of a step named so in English, or null when no diagram names a step so. */
  static String keyOf(String englishName) {
    return englishName == null ? null
        : KEY_BY_ENGLISH_NAME.get(StepNames.withoutExpressions(englishName));
  }

  private static Map<String, String> keysByEnglishName() {
    Properties english = new Properties();
    try (var in = StepWording.class.getClassLoader().getResourceAsStream(BUNDLE + ".properties")) {
      if (in != null) {
        english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> keys = new HashMap<>();
    english.stringPropertyNames().stream().sorted()
        .forEach(key -> keys.putIfAbsent(english.getProperty(key), key));
    return Map.copyOf(keys);
  }
}
