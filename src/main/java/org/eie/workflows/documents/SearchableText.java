package org.eie.workflows.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Makes a rendered PDF's Arabic copy and search as the letters a reader types.
 *
 * <p>The layout shapes Arabic into presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: the
 * initial, medial, final and isolated forms of each letter, and ligatures such as lam-alef) and
 * draws the glyphs of those characters; PDFBox then writes each embedded font's
 * {@code ToUnicode} map, which says what text a glyph stands for, from those same characters.
 * A viewer copying or searching the text, a screen reader and an indexer would get presentation
 * forms, which match nothing typed on a keyboard. Here every such entry is rewritten to the base
 * letters (the Unicode compatibility decomposition, NFKC: U+FE91 ARABIC LETTER BEH INITIAL FORM
 * stands for U+0628 BEH, the lam-alef ligature U+FEFB for U+0644 LAM and U+0627 ALEF in that,
 * the logical, order). Nothing drawn changes: same glyphs, same fonts, same layout.
 *
 * <p>The maps exist only once the fonts are subset, which PDFBox does as it saves the document,
 * so {@link DocumentRenderer#renderHtml} first saves it to no output with an empty catalog (only
 * the fonts are made), then this, then saves it for good: the document is neither read back from
 * its bytes (which took a third of an appeal document's time) nor written twice. A font with no
 * presentation form is left as it is.
 */
final class SearchableText {

  private SearchableText() {
  }

  /**
   * Gives every font's {@code ToUnicode} map of {@code document} base letters, not presentation
   * forms. The maps exist once the fonts are subset.
   */
  static void withBaseLetters(PDDocument document) throws IOException {
    Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (var page : document.getPages()) {
      rewrite(page.getResources(), seen);
    }
  }

  /** The fonts of these resources and of the forms they draw (the margin boxes may be forms). */
  private static void rewrite(PDResources resources, Set<COSDictionary> seen)
      throws IOException {
    if (resources == null || !seen.add(resources.getCOSObject())) {
      return;
    }
    COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
    if (fonts != null) {
      for (COSName name : fonts.keySet()) {
        COSDictionary font = fonts.getCOSDictionary(name);
        if (font != null && seen.add(font)) {
          rewrite(font);
        }
      }
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDFormXObject form) {
        rewrite(form.getResources(), seen);
      }
    }
  }

  /**
   * One font: its map read, every code whose text holds a presentation form given the base
   * letters, and the map written again if anything changed. Only two-byte codes (the embedded
   * fonts are Type 0 with Identity-H); the base fonts' one-byte maps never hold Arabic.
   */
  private static void rewrite(COSDictionary font) throws IOException {
    if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))
        || !(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
      return;
    }
    CMap map;
    try (var in = stream.createInputStream()) {
      map = new CMapParser().parse(new RandomAccessReadBuffer(in));
    }
    Map<Integer, String> entries = new TreeMap<>();
    boolean changed = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      String text = map.toUnicode(code, 2);
      if (text == null) {
        continue;
      }
      String letters = baseLetters(text);
      changed |= !letters.equals(text);
      entries.put(code, letters);
    }
    if (!changed) {
      return;
    }
    COSStream rewritten = new COSStream();
    try (var out = rewritten.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(cmap(entries).getBytes(StandardCharsets.US_ASCII));
    }
    font.setItem(COSName.TO_UNICODE, rewritten);
  }

  /**
   * The letters a presentation form stands for, in logical order; any other text as it is.
   * A spacing form of a vowel mark (U+FE70 FATHATAN ISOLATED FORM) decomposes to a space and the
   * mark: the mark alone is kept, as it belongs to the letter before it.
   */
  static String baseLetters(String text) {
    StringBuilder letters = new StringBuilder(text.length() + 1);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isPresentationForm(c)) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        letters.append(decomposed.length() > 1 && decomposed.charAt(0) == ' '
            ? decomposed.substring(1) : decomposed);
      } else {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  /** Arabic Presentation Forms-A and -B, less U+FEFF (the byte order mark, not a letter). */
  static boolean isPresentationForm(int c) {
    return c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c < 0xFEFF;
  }

  /** A ToUnicode CMap (PDF 32000-1, 9.10.3) with one {@code bfchar} entry per code. */
  private static String cmap(Map<Integer, String> entries) {
    StringBuilder cmap = new StringBuilder(64 * entries.size() + 512);
    cmap.append("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    var codes = entries.entrySet().stream().toList();
    // at most 100 entries per bfchar block (PDF 32000-1, 9.10.3)
    for (int from = 0; from < codes.size(); from += 100) {
      var block = codes.subList(from, Math.min(codes.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (var entry : block) {
        cmap.append(String.format("<%04X> <", entry.getKey()));
        for (char c : entry.getValue().toCharArray()) {
          cmap.append(String.format("%04X", (int) c));
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("""
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """);
    return cmap.toString();
  }
}
