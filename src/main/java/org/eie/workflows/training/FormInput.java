package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.eie.workflows.training.TrainingRecords.Facilitator;

/**
 * Reads what users typed into the Tasklist forms (or sent through REST) and refuses what does not
 * make sense with an {@link InvalidInput} naming the field. Lists may come as JSON arrays
 * or as text, one entry per line (or separated by commas where entries are short).
 */
final class FormInput {

  private final Map<String, Object> values;

  FormInput(Map<String, Object> values) {
    this.values = values;
  }

  /** Text by the kit's rules (forms/FormReader): trimmed, visible, of bounded length. */
  String text(String field) {
    var reader = new FormReader(values);
    String text = reader.text(field, true);
    reader.throwIfInvalid();
    return text;
  }

  String optionalText(String field) {
    var reader = new FormReader(values);
    String text = reader.text(field, false);
    reader.throwIfInvalid();
    return text;
  }

  boolean yesNo(String field) {
    Object value = values.get(field);
    if (value instanceof Boolean answer) {
      return answer;
    }
    if (value != null && ("true".equalsIgnoreCase(value.toString().trim())
        || "false".equalsIgnoreCase(value.toString().trim()))) {
      return Boolean.parseBoolean(value.toString().trim());
    }
    throw new InvalidInput(field, "answer yes or no");
  }

  LocalDate date(String field) {
    String text = text(field);
    try {
      // form-js date pickers send yyyy-MM-dd; a date-time keeps its date part
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "'" + text + "' is not a date (yyyy-mm-dd)");
    }
  }

  int count(String field) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInput(field, "is required");
    }
    try {
      double number = value instanceof Number n ? n.doubleValue()
          : Double.parseDouble(value.toString().trim());
      if (number < 0 || number != Math.rint(number) || number > 100_000) {
        throw new InvalidInput(field, "must be a whole number from 0 to 100000");
      }
      return (int) number;
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "'" + value + "' is not a number");
    }
  }

  /** Test scores in percent, one per participant who sat the test. */
  List<Double> scores(String field) {
    List<Double> scores = new ArrayList<>();
    for (String entry : list(field, true)) {
      try {
        double score = Double.parseDouble(entry.replace("%", "").trim());
        if (score < 0 || score > 100) {
          throw new InvalidInput(field, "scores are percentages from 0 to 100, not "
              + entry);
        }
        scores.add(score);
      } catch (NumberFormatException e) {
        throw new InvalidInput(field, "'" + entry + "' is not a score");
      }
    }
    return scores;
  }

  /** One entry per line. */
  List<String> lines(String field) {
    return list(field, false);
  }

  /** Entries separated by new lines, or also by commas and semicolons when {@code commas}. */
  List<String> list(String field, boolean commas) {
    Object value = values.get(field);
    if (commas && value instanceof String text) {
      value = java.util.Arrays.asList(text.split("[,;]+"));
    }
    var reader = new FormReader(Map.of(field, value == null ? List.of() : value));
    List<String> entries = reader.lines(field, false);
    reader.throwIfInvalid();
    if (entries.isEmpty()) {
      throw new InvalidInput(field, "list at least one entry");
    }
    return entries;
  }

  /** Lines "Organisation: number of participants". */
  Map<String, Integer> organisationCounts(String field) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String line : lines(field)) {
      int colon = line.lastIndexOf(':');
      if (colon <= 0) {
        throw new InvalidInput(field, "write one organisation per line as"
            + " 'Organisation: number', not '" + line + "'");
      }
      String organisation = line.substring(0, colon).trim();
      int count = new FormInput(Map.of(field, line.substring(colon + 1).trim())).count(field);
      counts.merge(organisation, count, Integer::sum);
    }
    return counts;
  }

  /** Lines "Name; Organisation; Country; Dissemination plan". */
  List<Facilitator> facilitators(String field) {
    List<Facilitator> facilitators = new ArrayList<>();
    for (String line : lines(field)) {
      String[] parts = line.split(";", 4);
      if (parts.length < 4 || parts[0].isBlank() || parts[3].isBlank()) {
        throw new InvalidInput(field, "write one facilitator per line as"
            + " 'Name; Organisation; Country; Dissemination plan', not '" + line + "'");
      }
      facilitators.add(new Facilitator(parts[0].trim(), parts[1].trim(), parts[2].trim(),
          parts[3].trim()));
    }
    return facilitators;
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidInput(field, message);
    }
  }
}
