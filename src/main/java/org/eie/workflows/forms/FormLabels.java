package org.eie.workflows.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A field's label as the user saw it on the form ("People in need with disabilities" for
 * {@code withDisabilitiesInNeed}), so that a refusal speaks the user's words: read once from the
 * Camunda Forms deployed with the processes ({@code bpmn/**}{@code /*.form}). A field on no form
 * (our API's own) is named by its key in words ("withdrawal reason" for
 * {@code withdrawalReason}); a path such as {@code activities[0].budgetUsd} stays as it is.
 */
public final class FormLabels {

  static final String FORMS = "classpath*:bpmn/**/*.form";

  private static volatile Map<String, String> labels;
  private static final Pattern TRANSLATION =
      Pattern.compile(".+_([a-z]{2,3})\\.properties");

  private FormLabels() {
  }

  public static String of(String field) {
    if (field == null) {
      return "";
    }
    String label = labels().get(field);
    if (label != null) {
      return label;
    }
    if (!field.matches("[a-z][A-Za-z0-9]*")) {
      return field;
    }
    String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * The field's label as the form reads in {@code language} (its translation in
   * {@code bpmn/<process>/i18n/<form>_<language>.properties}), else as {@link #of(String)}.
   * Keyed language → field → label.
   */
  public static String of(String field, String language) {
    String label = field == null || language == null ? null
        : Translated.LABELS.getOrDefault(language, Map.of()).get(field);
    return label != null ? label : of(field);
  }

  /** Read on first use (the class is loaded then). */
  private static final class Translated {
    static final Map<String, Map<String, String>> LABELS = readTranslations();
  }

  private static Map<String, Map<String, String>> readTranslations() {
    Map<String, Map<String, String>> found = new HashMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver()
          .getResources(FormTranslations.BUNDLES)) {
        Matcher name = TRANSLATION.matcher(file.getFilename() == null ? "" : file.getFilename());
        if (!name.matches()) {
          continue;
        }
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
          texts.load(in);
        }
        Map<String, String> language = found.computeIfAbsent(name.group(1), l -> new HashMap<>());
        for (String key : texts.stringPropertyNames()) {
          // A date-and-time field labels its date part, as in English.
          String field = key.endsWith(".label") ? key.substring(0, key.length() - 6)
              : key.endsWith(".dateLabel") ? key.substring(0, key.length() - 10) : null;
          if (field != null && !texts.getProperty(key).isBlank()) {
            language.putIfAbsent(field, texts.getProperty(key));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' translated labels", e);
    }
    Map<String, Map<String, String>> copy = new HashMap<>();
    found.forEach((language, fields) -> copy.put(language, Map.copyOf(fields)));
    return Map.copyOf(copy);
  }

  private static Map<String, String> labels() {
    Map<String, String> read = labels;
    if (read == null) {
      synchronized (FormLabels.class) {
        if (labels == null) {
          labels = readForms();
        }
        read = labels;
      }
    }
    return read;
  }

  static Map<String, String> readForms() {
    Map<String, String> found = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources(FORMS)) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in).path("components"), found);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' labels", e);
    }
    return Map.copyOf(found);
  }

  private static void collect(JsonNode components, Map<String, String> found) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      // A date-and-time field labels its date part.
      String label = component.path("label").asText(component.path("dateLabel").asText(null));
      if (key != null && label != null && !label.isBlank()) {
        // The first form naming a field wins; the same key reads the same on every form.
        found.putIfAbsent(key, label);
      }
      collect(component.path("components"), found);
    }
  }
}
