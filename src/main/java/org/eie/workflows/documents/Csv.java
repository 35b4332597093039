package org.eie.workflows.documents;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a CSV file leaves the system (the exports and the figures embedded in the appeal
 * PDF): RFC 4180 quoting, CRLF line ends, and text that a spreadsheet would run as a formula
 * defused. Names and areas come from partners' forms, so a partner called
 * {@code =HYPERLINK("http://x")} must open as text, not as a link or a command.
 *
 * <p>The rule, stated here only: a text cell that begins with {@code = + - @}, a tab or a carriage
 * return gets a single quote in front (OWASP's advice for CSV injection). Quotes already in front
 * are looked past, so {@code '=x} is written {@code ''=x} and every text reads back as entered
 * through {@link #original}. Numbers go through {@link #number} and are written as numbers, so a
 * negative amount stays a negative amount; text that merely looks like {@code -5} is defused.
 * Money goes through {@link #amount}, always with two decimals; the columns and their HXL
 * hashtags are {@link HxlColumn}'s.
 */
public final class Csv {

  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final char DEFUSE = '\'';

  private final StringBuilder out = new StringBuilder();
  private boolean rowStarted;

  /** A text cell, defused and quoted; null is an empty cell. */
  public Csv text(String value) {
    return append(quoted(defused(value == null ? "" : value)));
  }

  /** A number as a number: plain digits with a dot, never defused; null is an empty cell. */
  public Csv number(Number value) {
    if (value == null) {
      return append("");
    }
    if (value instanceof BigDecimal decimal) {
      return append(decimal.toPlainString());
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return append(value.toString());
    }
    return append(new BigDecimal(value.toString()).toPlainString());
  }

  /**
   * An amount of money: always two decimals ({@code 350000.00}, {@code 60000.50}), the one number
   * format for money in every file, whatever scale the figure was stored with; null is an empty
   * cell. Amounts are entered to the cent, so nothing is rounded away.
   */
  public Csv amount(BigDecimal value) {
    return value == null ? append("")
        : append(value.setScale(2, RoundingMode.HALF_UP).toPlainString());
  }

  /** A whole row of text cells, such as a header. */
  public Csv row(List<String> texts) {
    texts.forEach(this::text);
    return endRow();
  }

  public Csv endRow() {
    out.append("\r\n");
    rowStarted = false;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  public byte[] utf8() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }

  private Csv append(String cell) {
    if (rowStarted) {
      out.append(',');
    }
    out.append(cell);
    rowStarted = true;
    return this;
  }

  static String defused(String text) {
    int first = 0;
    while (first < text.length() && text.charAt(first) == DEFUSE) {
      first++;
    }
    return first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0
        ? DEFUSE + text : text;
  }

  private static String quoted(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /**
   * The text of a cell as entered: the quote {@link #text} put in front taken off, and only that
   * one ({@code 'quoted} was entered so and stays).
   */
  public static String original(String cell) {
    String rest = cell.startsWith(String.valueOf(DEFUSE)) ? cell.substring(1) : cell;
    return defused(rest).equals(cell) ? rest : cell;
  }

  /**
   * The cells of a file as a spreadsheet sees them, defusing quotes included (for tests and for
   * anyone checking a file): RFC 4180, quoted cells may hold commas, quotes and line breaks.
   */
  public static List<List<String>> read(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        rows.add(cells);
        cells = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !cells.isEmpty()) {
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }

  public static List<List<String>> read(byte[] utf8) {
    return read(new String(utf8, StandardCharsets.UTF_8));
  }
}
