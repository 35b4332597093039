package org.eie.workflows.tasklist;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Figures and codes as a form shows them to people: {@code USD 2,400,000}, {@code 12,000},
 * "Temporary learning spaces" for {@code TEMPORARY_LEARNING_SPACES}. The words come from
 * {@code tasklist/messages.properties} ({@code label.<CODE>}); an unknown code is shown as
 * written. Tasklist's forms have one language (form-js 1.8 has no translations), English.
 */
public final class Figures {

  private static final Locale LOCALE = Locale.ENGLISH;

  private Figures() {
  }

  /** An amount in US dollars with thousands separators; cents only when it has them. */
  public static String usd(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
    boolean cents = amount.stripTrailingZeros().scale() > 0;
    format.setMinimumFractionDigits(cents ? 2 : 0);
    format.setMaximumFractionDigits(cents ? 2 : 0);
    return "USD " + format.format(amount);
  }

  /** A count with thousands separators. */
  public static String count(Number value) {
    return value == null ? "" : NumberFormat.getIntegerInstance(LOCALE).format(value);
  }

  /** The label of a code ("Temporary learning spaces"), or the code itself. */
  public static String label(String code) {
    if (code == null) {
      return "";
    }
    String label = TaskHeadings.wording("label." + code);
    return label == null ? code : label;
  }
}
