package org.eie.workflows.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Each line of each page of a PDF as drawn, glyph by glyph from left to right: what a reader
 * sees, with each glyph given as the text the fonts' ToUnicode maps say it stands for (what
 * copying it gives) or as its character code (which glyph was drawn). No bidirectional
 * reordering and no normalisation, unlike {@link PDFTextStripper#getText}.
 */
public final class DrawnLines {

  private DrawnLines() {
  }

  /** Every line, each glyph as its text. */
  public static List<String> text(byte[] pdf) {
    return of(pdf, position -> true, TextPosition::getUnicode);
  }

  /** The lines' glyphs that stand for Arabic letters, each as its text. */
  public static List<String> arabicText(byte[] pdf) {
    return of(pdf, DrawnLines::isArabic, TextPosition::getUnicode);
  }

  /** The lines' glyphs that stand for Arabic letters, each as its character code (a char). */
  public static List<String> arabicGlyphs(byte[] pdf) {
    return of(pdf, DrawnLines::isArabic, position -> Arrays.stream(position.getCharacterCodes())
        .mapToObj(code -> String.valueOf((char) code)).collect(Collectors.joining()));
  }

  private static boolean isArabic(TextPosition position) {
    return position.getUnicode().codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
  }

  private static List<String> of(byte[] pdf, Predicate<TextPosition> which,
      Function<TextPosition, String> as) {
    var lines = new TreeMap<String, List<TextPosition>>();
    var collector = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition position) {
        if (which.test(position)) {
          lines.computeIfAbsent(String.format(Locale.ROOT, "%04d-%08.1f", getCurrentPageNo(),
              position.getYDirAdj()), key -> new ArrayList<>()).add(position);
        }
        super.processTextPosition(position);
      }
    };
    try (var document = Loader.loadPDF(pdf)) {
      collector.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines.values().stream().map(positions -> positions.stream()
            .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj)).map(as)
            .collect(Collectors.joining()))
        .toList();
  }
}
