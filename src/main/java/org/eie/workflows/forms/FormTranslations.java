package org.eie.workflows.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camunda Forms in each user's language. A form is deployed once, in English (its
 * {@code .form} file is the source); its translations are message bundles beside it,
 * {@code bpmn/<process>/i18n/<formId>_<language>.properties}, whose keys name a component by its
 * {@code key} (a field) or else its {@code id} (a text, a table) and the text translated:
 * {@code vettingComment.label}, {@code vettingComment.description}, {@code Text_70.text},
 * {@code vettingDecision.option.ACCEPT} (an option by its value),
 * {@code Table_budgetLines.column.activity}, {@code deadline.dateLabel}. The English bundle
 * ({@code <formId>.properties}) holds the text the translations were made from; the build's check
 * (FormsInFiveLanguagesTest) fails when it and the form part ways.
 *
 * <p>{@link #translate} changes texts only: keys, ids, values, validation and conditions stay, so
 * a submission carries the same fields whatever the language it was read in. A text without a
 * translation stays in English.
 */
public final class FormTranslations {

  static final String BUNDLES = "classpath*:bpmn/**/i18n/*.properties";
  /** The texts of a component, translated under {@code <component>.<property>}. */
  public static final List<String> TEXTS =
      List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel");
  /** Set on a translated form: the language and direction it reads in. */
  public static final String LANGUAGE = "eie:language";
  public static final String DIRECTION = "eie:direction";
  /**
   * Set on a translated form: form-js's own refusals beside a field (its English text, with
   * {@code {0}} for the limit it names) → their translation, from {@value #VALIDATION}; Tasklist's
   * form-direction.js shows the translation in place of the English.
   */
  public static final String MESSAGES = "eie:messages";
  static final String VALIDATION = "forms/validation";
  private static final Pattern BUNDLE = Pattern.compile("(.+?)(?:_([a-z]{2,3}))?\\.properties");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** form id → language → key → text. */
  private final Map<String, Map<String, Map<String, String>>> bundles;
  /** language → form-js's English refusal → its translation. */
  private final Map<String, Map<String, String>> messages = new ConcurrentHashMap<>();

  private FormTranslations(Map<String, Map<String, Map<String, String>>> bundles) {
    this.bundles = bundles;
  }

  /**
   * Names these translations, the forms' texts and form-js's refusals in each of their languages:
   * the same on every node of one release, almost surely another when any text changes (a
   * translated form is cached by browsers under its form and this).
   */
  public String fingerprint() {
    Map<String, Map<String, String>> refusals = new TreeMap<>();
    bundles.values().forEach(form -> form.keySet().forEach(
        language -> refusals.put(language,
            messages.computeIfAbsent(language, FormTranslations::validationMessages))));
    return Integer.toHexString(Objects.hash(bundles, refusals));
  }

  /** The translations deployed with the processes, read from the classpath. */
  public static FormTranslations fromClasspath() {
    Map<String, Map<String, Map<String, String>>> found = new HashMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(BUNDLES)) {
        Matcher name = BUNDLE.matcher(file.getFilename() == null ? "" : file.getFilename());
        if (!name.matches() || name.group(2) == null) {
          continue; // the English bundle: the form itself says it
        }
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
          texts.load(in);
        }
        Map<String, String> language = new HashMap<>();
        texts.stringPropertyNames().forEach(key -> language.put(key, texts.getProperty(key)));
        found.computeIfAbsent(name.group(1), form -> new HashMap<>())
            .put(name.group(2), Map.copyOf(language));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' translations", e);
    }
    return new FormTranslations(Map.copyOf(found));
  }

  /** Translations given directly: form id → language → key → text. */
  public static FormTranslations of(Map<String, Map<String, Map<String, String>>> bundles) {
    return new FormTranslations(Map.copyOf(bundles));
  }

  /**
   * The form (a form-js schema) with its texts in {@code language}, marked with the language and
   * direction ({@value #LANGUAGE}, {@value #DIRECTION}) so that the page can set it right to left;
   * unchanged if the form has no translation into it.
   */
  public void translate(JsonNode form, String language, boolean rightToLeft) {
    if (!(form instanceof ObjectNode schema)) {
      return;
    }
    Map<String, String> texts =
        bundles.getOrDefault(schema.path("id").asText(""), Map.of()).get(language);
    if (texts == null) {
      return;
    }
    eachText(schema, (key, text) -> {
      String translated = texts.get(key);
      if (translated != null && !translated.isBlank()) {
        text.holder().put(text.property(), translated);
      }
    });
    schema.put(LANGUAGE, language);
    schema.put(DIRECTION, rightToLeft ? "rtl" : "ltr");
    ObjectNode refusals = schema.putObject(MESSAGES);
    messages.computeIfAbsent(language, FormTranslations::validationMessages).forEach(refusals::put);
  }

  /**
   * form-js's English refusals, as {@value #VALIDATION}{@code .properties} writes them, each with
   * its translation into {@code language}; none if there is no such bundle.
   */
  static Map<String, String> validationMessages(String language) {
    ResourceBundle english = ResourceBundle.getBundle(VALIDATION, Locale.ROOT, NO_FALLBACK);
    ResourceBundle translated;
    try {
      translated = ResourceBundle.getBundle(VALIDATION, Locale.forLanguageTag(language), NO_FALLBACK);
    } catch (MissingResourceException none) {
      return Map.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : Collections.list(english.getKeys())) {
      if (!translated.getLocale().equals(Locale.ROOT) && translated.containsKey(key)) {
        texts.put(english.getString(key), translated.getString(key));
      }
    }
    return Map.copyOf(texts);
  }

  /** Where a text sits: the object that holds it and the property it is. */
  private record Text(ObjectNode holder, String property) {
  }

  /**
   * Each translatable text of a form, by its bundle key, in English (as the form says it). Texts
   * that are FEEL expressions ({@code =...}) and texts without a letter (a template such as
   * {@code {{signOffState}}}) are left out.
   */
  public static Map<String, String> englishTexts(JsonNode form) {
    Map<String, String> texts = new LinkedHashMap<>();
    eachText(form, (key, text) -> texts.put(key, text.holder().path(text.property()).asText()));
    return texts;
  }

  private static void eachText(JsonNode form, BiConsumer<String, Text> visit) {
    for (JsonNode component : form.path("components")) {
      if (!(component instanceof ObjectNode holder)) {
        continue;
      }
      String name = component.path("key").asText(component.path("id").asText(""));
      for (String text : TEXTS) {
        if (translatable(component.get(text))) {
          visit.accept(name + "." + text, new Text(holder, text));
        }
      }
      for (JsonNode option : component.path("values")) {
        if (option instanceof ObjectNode value && translatable(option.get("label"))) {
          visit.accept(name + ".option." + option.path("value").asText(), new Text(value, "label"));
        }
      }
      for (JsonNode column : component.path("columns")) {
        if (column instanceof ObjectNode value && translatable(column.get("label"))) {
          visit.accept(name + ".column." + column.path("key").asText(), new Text(value, "label"));
        }
      }
      eachText(component, visit);
    }
  }

  private static boolean translatable(JsonNode text) {
    if (text == null || !text.isTextual() || text.asText().startsWith("=")) {
      return false;
    }
    return text.asText().replaceAll("\\{\\{[^}]*}}", "").codePoints().anyMatch(Character::isLetter);
  }
}
