package org.eie.workflows.appeal;

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
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a Tasklist form or a REST client submitted, field by field, and collects every
 * problem under the field's name instead of stopping at the first: the user fixes all at once.
 * Camunda Forms send numbers as Long or Double and date-times as ISO text; REST clients send
 * whatever JSON gives; both are accepted here.
 */
final class FormValues {

  private final Map<String, ?> values;
  private final List<FieldError> errors = new ArrayList<>();

  FormValues(Map<String, ?> values) {
    this.values = values;
  }

  boolean has(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  String text(String field, boolean required) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    return value.toString().trim();
  }

  /** A count of people, schools or months: a whole number, never negative. */
  Long count(String field, boolean required) {
    Object value = values.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    BigDecimal number = decimal(field, value);
    if (number == null) {
      return null;
    }
    if (number.signum() < 0) {
      error(field, "must not be negative (was " + number.toPlainString() + ")");
      return null;
    }
    if (number.stripTrailingZeros().scale() > 0) {
      error(field, "must be a whole number (was " + number.toPlainString() + ")");
      return null;
    }
    return number.longValueExact();
  }

  /** An amount in USD, never negative. */
  BigDecimal money(String field, boolean required) {
    Object value = values.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
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
  OffsetDateTime dateTime(String field, boolean required) {
    Object value = values.get(field);
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC);
    }
    String text = text(field, required);
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

  /** A list: a JSON array from REST, or one entry per line from a Tasklist text area. */
  List<String> lines(String field, boolean required) {
    Object value = values.get(field);
    List<String> lines = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().stream().map(SpinJsonNode::stringValue)
          .filter(item -> item != null && !item.isBlank()).forEach(item -> lines.add(item.trim()));
    } else if (value instanceof SpinJsonNode node && node.isString()) {
      Arrays.stream(node.stringValue().split("\\R")).map(String::trim)
          .filter(line -> !line.isEmpty()).forEach(lines::add);
    } else if (value instanceof Collection<?> collection) {
      collection.stream().filter(item -> item != null && !item.toString().isBlank())
          .forEach(item -> lines.add(item.toString().trim()));
    } else if (value != null) {
      Arrays.stream(value.toString().split("\\R")).map(String::trim)
          .filter(line -> !line.isEmpty()).forEach(lines::add);
    }
    if (lines.isEmpty() && required) {
      error(field, "needs at least one entry");
    }
    return lines;
  }

  void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  List<FieldError> errors() {
    return errors;
  }

  /** Throws every collected error at once; does nothing when the input was fine. */
  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidAppealInputException(errors);
    }
  }

  private BigDecimal decimal(String field, Object value) {
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      error(field, "is not a number (was '" + value + "')");
      return null;
    }
  }
}
