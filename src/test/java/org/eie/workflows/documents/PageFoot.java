package org.eie.workflows.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.unbescape.html.HtmlEscape;

/**
 * What stands at the foot of each page of a rendered document, for tests that no heading (and
 * no table header row) is left there alone, its text on the next page. The headings are read
 * from the filled XHTML the document was laid out from ({@link DocumentRenderer#html}), so every
 * document type is checked against its own headings in its own language.
 */
public final class PageFoot {

  private static final Pattern HEADING =
      Pattern.compile("(?s)<h([1-4])\\b[^>]*>(.*?)</h\\1>");
  private static final Pattern HEADER_ROW =
      Pattern.compile("(?s)<thead\\b[^>]*>.*?</thead>");
  private static final Pattern HEADER_CELL = Pattern.compile("(?s)<th\\b[^>]*>(.*?)</th>");

  private PageFoot() {
  }

  /** The text of every heading (h1 to h4) and of every table's header row in the XHTML. */
  public static Set<String> headings(String html) {
    Set<String> headings = new LinkedHashSet<>();
    var heading = HEADING.matcher(html);
    while (heading.find()) {
      headings.add(plain(heading.group(2)));
    }
    var header = HEADER_ROW.matcher(html);
    while (header.find()) {
      var cells = HEADER_CELL.matcher(header.group());
      List<String> row = new ArrayList<>();
      while (cells.find()) {
        row.add(plain(cells.group(1)));
      }
      headings.add(String.join(" ", row).strip());
    }
    headings.remove("");
    return headings;
  }

  /**
   * The pages whose last line of body text (the page number and running footer left out) is one
   * of these headings, as "page N: heading"; empty when every heading has what follows it.
   */
  public static List<String> headingsAtTheFoot(byte[] pdf, Set<String> headings) {
    List<String> alone = new ArrayList<>();
    try (var document = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        var stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> lines = stripper.getText(document).lines().map(PageFoot::squeeze)
            .filter(line -> !line.isEmpty()).toList();
        String last = lastBodyLine(lines, page);
        if (last != null && (headings.contains(last)
            || headings.contains(last.replaceFirst("^\\d+(\\.\\d+)* ", "")))) {
          alone.add("page " + page + ": " + last);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return alone;
  }

  /** The last line that is not the page's footer ("Page 3 of 12", "3 / 12"). */
  private static String lastBodyLine(List<String> lines, int page) {
    var footer = Pattern.compile("(^|\\D)" + page + " / \\d+$|\\b" + page + " of \\d+\\b|"
        + "\\b" + page + " (de|sur|من) \\d+\\b");
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!footer.matcher(lines.get(i)).find()) {
        return lines.get(i);
      }
    }
    return null;
  }

  private static String plain(String html) {
    return squeeze(HtmlEscape.unescapeHtml(html.replaceAll("<[^>]+>", " ")));
  }

  private static String squeeze(String text) {
    return text.replaceAll("[\\u2066-\\u2069]", "").replaceAll("[\\s\\u00A0]+", " ").strip();
  }
}
