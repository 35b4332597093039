package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The CSV every export and every embedded figures file is written with, as a spreadsheet sees it. */
@Tag("fast")
class CsvTest {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** Text rich in what matters here: formula characters, quotes, commas and line breaks. */
  private static Gen<String> cells() {
    Gen<Character> tricky = integers().between(0, 12).map(i -> "=+-@\t\r'\",\n;a5".charAt(i));
    Gen<String> trickyText = lists().of(tricky).ofSizeBetween(0, 8)
        .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    return trickyText.mix(strings().allPossible().ofLengthBetween(0, 12), 30);
  }

  @Test
  void noTextCellStartsAFormulaAndEveryCellReadsBackAsEntered() {
    qt().withExamples(2000).forAll(lists().of(cells()).ofSizeBetween(1, 6)).checkAssert(row -> {
      var written = new Csv().row(row).row(row).toString();

      var read = Csv.read(written);

      assertThat(read).hasSize(2);
      for (List<String> cells : read) {
        assertThat(cells).hasSameSizeAs(row);
        for (int i = 0; i < row.size(); i++) {
          String cell = cells.get(i);
          assertThat(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0)
              .as("cell %s", cell).isTrue();
          assertThat(Csv.original(cell)).isEqualTo(row.get(i));
        }
      }
    });
  }

  @Test
  void formulasFromPartnersFormsAreWrittenAsQuotedText() {
    String csv = new Csv().text("=HYPERLINK(\"http://x\")").text("+cmd|' /C calc'!A0")
        .text("@SUM(A1:A9)").text("-2+3").text("\tTab").endRow().toString();

    assertThat(csv).isEqualTo(
        "\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd|' /C calc'!A0,'@SUM(A1:A9),'-2+3,'\tTab\r\n");
  }

  @Test
  void negativeNumbersStayNumbersButTextThatLooksNegativeIsDefused() {
    String csv = new Csv().number(new BigDecimal("-1250.50")).number(-3L).number(null)
        .text("-5").text("'=already quoted").endRow().toString();

    assertThat(csv).isEqualTo("-1250.50,-3,,'-5,''=already quoted\r\n");
    assertThat(Csv.read(csv).get(0)).map(Csv::original)
        .containsExactly("-1250.50", "-3", "", "-5", "'=already quoted");
  }

  @Test
  void ordinaryTextIsLeftAloneAndQuotedOnlyWhereRfc4180AsksForIt() {
    String csv = new Csv().row(List.of("Save the Children", "Beirut – Achrafieh",
        "#org+impl", "a, b", "say \"hi\"", "two\nlines", "'quoted")).toString();

    assertThat(csv).isEqualTo("Save the Children,Beirut – Achrafieh,#org+impl,\"a, b\","
        + "\"say \"\"hi\"\"\",\"two\nlines\",'quoted\r\n");
  }
}
