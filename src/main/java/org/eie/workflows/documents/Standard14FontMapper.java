package org.eie.workflows.documents;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFBox's font mapper, except that the 14 standard PDF fonts (Helvetica, Times, Courier, ...)
 * count as found when PDFBox substitutes its own metric-compatible font for them.
 *
 * <p>Why: openhtmltopdf creates these fonts on every render (as candidates for CSS generic
 * families and as default resources for PDF forms) even though our documents never draw with
 * them: every font the templates name is registered and embedded. On a machine without
 * Helvetica or Arial, PDFBox would log "Using fallback font LiberationSans for base font
 * Helvetica" a dozen times per document, which is noise that hides real warnings. Everything
 * else (fonts of PDFs that are read, not written) goes to PDFBox's own mapper unchanged.
 */
final class Standard14FontMapper implements FontMapper {

  private static boolean installed;

  private final FontMapper pdfbox;

  private Standard14FontMapper(FontMapper pdfbox) {
    this.pdfbox = pdfbox;
  }

  /** Puts the mapper in place of PDFBox's own, once per JVM. */
  static synchronized void install() {
    if (!installed) {
      FontMappers.set(new Standard14FontMapper(FontMappers.instance()));
      installed = true;
    }
  }

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont,
      PDFontDescriptor fontDescriptor) {
    return pdfbox.getTrueTypeFont(baseFont, fontDescriptor);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont,
      PDFontDescriptor fontDescriptor) {
    FontMapping<FontBoxFont> mapping = pdfbox.getFontBoxFont(baseFont, fontDescriptor);
    if (mapping.isFallback() && Standard14Fonts.containsName(baseFont)) {
      return new FontMapping<>(mapping.getFont(), false);
    }
    return mapping;
  }

  @Override
  public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor,
      PDCIDSystemInfo cidSystemInfo) {
    return pdfbox.getCIDFont(baseFont, fontDescriptor, cidSystemInfo);
  }
}
