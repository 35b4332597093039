package org.eie.workflows.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A document's text as a reader copies it, spaces squeezed: for tests that read PDFs. */
public final class PdfText {

  private PdfText() {
  }

  /** The whole document's text. */
  public static String of(byte[] pdf) {
    try (var document = Loader.loadPDF(pdf)) {
      return squeeze(new PDFTextStripper().getText(document));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One page's text, pages counted from 1. */
  public static String ofPage(PDDocument document, int page) throws IOException {
    var stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return squeeze(stripper.getText(document));
  }

  /** Runs of spaces and no-break spaces as one space. */
  public static String squeeze(String text) {
    return text.replaceAll("[ \\u00A0]+", " ");
  }
}
