package org.eie.workflows.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one form reader: reads what a Tasklist form or a REST client submitted, field by field, and
 * collects every problem under the field's name instead of stopping at the first, so the user
 * fixes all at once. One set of limits for every field, here:
 * <ul>
 *   <li>text is trimmed; blank or invisible-only text (zero-width spaces, control characters)
 *   counts as missing; at most {@value #MAX_TEXT} characters (what the engine's text columns
 *   hold) unless a field says less; a JSON object, list, boolean or number is not text;</li>
 *   <li>counts are whole numbers from 0 to {@value #MAX_COUNT};</li>
 *   <li>money is US dollars with at most two decimals, from 0 to {@link #MAX_USD};</li>
 *   <li>dates and times are ISO-8601 text only;</li>
 *   <li>yes/no answers are booleans or the text {@code true}/{@code false};</li>
 *   <li>web links are {@code http(s)://} addresses without spaces.</li>
 * </ul>
 * Camunda Forms send numbers as Long or Double and date-times as ISO text; REST clients send
 * JSON; both are read the same way.
 */
public final class FormReader {

  /** The longest text any field takes: the engine's string variables hold 4,000 characters. */
  public static final int MAX_TEXT = 4000;
  /** The largest count of people, schools or months anyone could mean. */
  public static final long MAX_COUNT = 1_000_000_000L;
  /** The largest amount of money a single figure may state. */
  public static final BigDecimal MAX_USD = new BigDecimal("100000000000");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Z}\\u2028\\u2029\\s]+");

  private final Map<String, ?> values;
  private final List<FieldError> errors = new ArrayList<>();

  public FormReader(Map<String, ?> values) {
    this.values = values;
  }

  /** Whether the field carries something visible. */
  public boolean has(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof String s && isBlank(s));
  }

  /**
   * A required line of text in a request body, trimmed; null, with the field's error added to
   * {@code errors}, when it is blank or longer than {@code maxLength}: for bodies read as a whole
   * that name every wrong field at once.
   */
  public static String required(String value, String field, int maxLength,
      List<FieldError> errors) {
    if (isBlank(value)) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (value.trim().length() > maxLength) {
      errors.add(new FieldError(field, "is longer than " + maxLength + " characters"));
      return null;
    }
    return value.trim();
  }

  /** Blank also when only invisible characters remain. */
  public static boolean isBlank(String text) {
    return text == null || INVISIBLE.matcher(text).replaceAll("").isEmpty();
  }

  public String text(String field, boolean required) {
    return text(field, required, MAX_TEXT);
  }

  public String text(String field, boolean required, int maxLength) {
    Object value = values.get(field);
    if (value instanceof SpinJsonNode node && node.isString()) {
      value = node.stringValue();
    }
    if (value != null && !(value instanceof String)) {
      error(field, "must be text");
      return null;
    }
    String text = (String) value;
    if (isBlank(text)) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    text = text.strip();
    if (text.length() > maxLength) {
      error(field, "is at most " + maxLength + " characters (was " + text.length() + ")");
      return null;
    }
    return text;
  }

  /** A count of people, schools or months: a whole number from 0 to {@value #MAX_COUNT}. */
  public Long count(String field, boolean required) {
    return count(field, required, MAX_COUNT);
  }

  /** A count with a lower ceiling than {@value #MAX_COUNT}, where the field says so. */
  public Long count(String field, boolean required, long max) {
    BigDecimal number = number(field, required);
    if (number == null) {
      return null;
    }
    if (number.stripTrailingZeros().scale() > 0) {
      error(field, "must be a whole number (was " + number.toPlainString() + ")");
      return null;
    }
    if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
      error(field, "is more than " + max);
      return null;
    }
    return number.longValueExact();
  }

  /** An amount in USD: at most two decimals, from 0 to {@link #MAX_USD}. */
  public BigDecimal money(String field, boolean required) {
    BigDecimal number = number(field, required);
    if (number == null) {
      return null;
    }
    if (number.stripTrailingZeros().scale() > 2) {
      error(field, "has at most two decimals (was " + number.toPlainString() + ")");
      return null;
    }
    if (number.compareTo(MAX_USD) > 0) {
      error(field, "is more than US$ " + MAX_USD.toPlainString());
      return null;
    }
    return number;
  }

  private BigDecimal number(String field, boolean required) {
    Object value = values.get(field);
    if (value == null || value instanceof String s && isBlank(s)) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    BigDecimal number = decimal(field, value);
    if (number != null && number.signum() < 0) {
      error(field, "must not be negative (was " + number.toPlainString() + ")");
      return null;
    }
    return number;
  }

  /**
   * A moment: ISO-8601 with offset ({@code 2020-08-04T18:08:00+03:00}), or without (read as UTC,
   * what Camunda Forms send), or a date alone (midnight UTC).
   */
  public OffsetDateTime dateTime(String field, boolean required) {
    Object value = values.get(field);
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC);
    }
    String text = text(field, required, 64);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          error(field, "is not a date and time such as 2020-08-04T18:08:00Z (was '" + text + "')");
          return null;
        }
      }
    }
  }

  /**
   * A calendar day: ISO-8601 {@code 2026-03-31}, what form-js date pickers send; a date-time
   * keeps its date part.
   */
  public LocalDate date(String field, boolean required) {
    if (values.get(field) instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    String text = text(field, required, 64);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      error(field, "is not a date such as 2026-03-31 (was '" + text + "')");
      return null;
    }
  }

  /** A yes/no answer: a boolean (Tasklist checkboxes and REST) or the text true or false. */
  public Boolean yesNo(String field, boolean required) {
    Object value = values.get(field);
    if (value instanceof SpinJsonNode node && node.isBoolean()) {
      return node.boolValue();
    }
    if (value instanceof Boolean answer) {
      return answer;
    }
    if (value == null || value instanceof String s && isBlank(s)) {
      if (required) {
        error(field, "is required: answer yes or no");
      }
      return null;
    }
    String text = value.toString().strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    error(field, "must be answered yes or no (was '" + abbreviated(value) + "')");
    return null;
  }

  /** A web link: an http or https address without spaces. */
  public String link(String field, boolean required) {
    String link = text(field, required);
    if (link != null && !link.matches("^https?://\\S+$")) {
      error(field, "is not a web link such as https://... (was '" + abbreviated(link) + "')");
      return null;
    }
    return link;
  }

  /**
   * A list of short entries (codes, names): like {@link #lines(String, boolean)}, but a text may
   * also separate them by commas or semicolons.
   */
  public List<String> entries(String field, boolean required) {
    Object value = values.get(field);
    if (value instanceof SpinJsonNode node && node.isString()) {
      value = node.stringValue();
    }
    if (value instanceof String text) {
      value = Arrays.asList(text.split("[,;\\r\\n]+"));
    }
    return lines(field, value, required, 200, 500);
  }

  /**
   * A list: a JSON array of text from REST, or one entry per line from a Tasklist text area; each
   * entry at most {@code maxLength} characters, at most {@code maxEntries} entries.
   */
  public List<String> lines(String field, boolean required) {
    return lines(field, required, 200, 500);
  }

  public List<String> lines(String field, boolean required, int maxLength, int maxEntries) {
    return lines(field, values.get(field), required, maxLength, maxEntries);
  }

  private List<String> lines(String field, Object value, boolean required, int maxLength,
      int maxEntries) {
    List<Object> items = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(item -> items.add(item.isString() ? item.stringValue() : item));
    } else if (value instanceof SpinJsonNode node && node.isString()) {
      items.addAll(Arrays.asList(node.stringValue().split("\\R")));
    } else if (value instanceof Collection<?> collection) {
      items.addAll(collection);
    } else if (value instanceof String text) {
      items.addAll(Arrays.asList(text.split("\\R")));
    } else if (value != null) {
      error(field, "must be a list of text");
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (Object item : items) {
      if (item != null && !(item instanceof String)) {
        error(field, "must be a list of text");
        return List.of();
      }
      if (!isBlank((String) item)) {
        String line = ((String) item).strip();
        if (line.length() > maxLength) {
          error(field, "has an entry longer than " + maxLength + " characters");
          return List.of();
        }
        lines.add(line);
      }
    }
    if (lines.size() > maxEntries) {
      error(field, "has more than " + maxEntries + " entries");
      return List.of();
    }
    if (lines.isEmpty() && required) {
      error(field, "needs at least one entry");
    }
    return lines;
  }

  /** Records a problem of the field when a rule across fields or entries does not hold. */
  public void check(boolean holds, String field, String message) {
    if (!holds) {
      error(field, message);
    }
  }

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Throws every collected error at once; does nothing when the input was fine. */
  public void throwIfInvalid() {
    InvalidInput.throwIfAny(errors);
  }

  private BigDecimal decimal(String field, Object value) {
    try {
      if (value instanceof BigDecimal number) {
        return number;
      }
      boolean floating = value instanceof Double || value instanceof Float;
      if (value instanceof Number number
          && (!floating || Double.isFinite(number.doubleValue()))) {
        return new BigDecimal(number.toString());
      }
      if (value instanceof String text && text.strip().length() <= 40) {
        return new BigDecimal(text.strip());
      }
      if (value instanceof SpinJsonNode node && node.isNumber()) {
        return new BigDecimal(node.numberValue().toString());
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    error(field, "is not a number (was '" + abbreviated(value) + "')");
    return null;
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
