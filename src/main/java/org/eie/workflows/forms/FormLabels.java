package org.eie.workflows.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
