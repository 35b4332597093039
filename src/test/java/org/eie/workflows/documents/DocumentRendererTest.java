package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DocumentRendererTest {

  private final DocumentRenderer renderer = new DocumentRenderer();

  private PDDocument render(Locale locale, int rows) throws IOException {
    var model = Map.<String, Object>of("country", "Lebanon", "partner", "جمعية عامل الدولية",
        "rows", IntStream.rangeClosed(1, rows).boxed().toList());
    byte[] pdf = renderer.render(new DocumentRequest("sample/sample", locale, model,
        "Sample appeal", "Education requirements", "education, emergency"));
    return Loader.loadPDF(pdf);
  }

  @Test
  void wordingComesFromTheBundleOfTheRequestedLanguage() throws IOException {
    try (var english = render(Locale.ENGLISH, 3); var french = render(Locale.FRENCH, 3)) {
      assertThat(new PDFTextStripper().getText(english)).contains("Requirements for Lebanon",
          "Amount (USD)", "3,000");
      assertThat(new PDFTextStripper().getText(french)).contains(
          "Besoins financiers pour Lebanon", "Montant (USD) élevé");
    }
  }

  @Test
  void languageWithoutABundleFallsBackToEnglish() throws IOException {
    try (var spanish = render(Locale.forLanguageTag("es"), 1)) {
      assertThat(new PDFTextStripper().getText(spanish)).contains("Requirements for Lebanon");
    }
  }

  @Test
  void metadataAndLanguageAreSet() throws IOException {
    try (var pdf = render(Locale.FRENCH, 1)) {
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Sample appeal");
      assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("Education requirements");
      assertThat(pdf.getDocumentInformation().getKeywords()).isEqualTo("education, emergency");
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
    }
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    try (var pdf = render(Locale.ENGLISH, 5)) {
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void longTablesBreakAcrossNumberedPagesWithRepeatedHeaders() throws IOException {
    try (var pdf = render(Locale.ENGLISH, 150)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      var stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf);
        assertThat(text).contains("Amount (USD)").contains(page + " / " + pdf.getNumberOfPages());
      }
    }
  }

  @Test
  void arabicCopiesAsSearchableBaseLetters() throws IOException {
    try (var pdf = render(Locale.ENGLISH, 1)) {
      // Shaped Arabic is drawn with contextual glyphs (AppealDocumentWriterTest checks the glyphs
      // drawn); what a reader copies glyph by glyph is the base letters, so it can be searched.
      var copied = new StringBuilder();
      var stripper = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition text) {
          copied.append(text.getUnicode());
          super.processTextPosition(text);
        }
      };
      stripper.getText(pdf);
      assertThat(copied.codePoints().filter(cp -> Character.UnicodeBlock.of(cp)
          == Character.UnicodeBlock.ARABIC).count()).isGreaterThan(5);
      assertThat(copied.codePoints().filter(cp -> Character.UnicodeBlock.of(cp)
          == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B
          || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_A)
          .count()).isZero();
    }
  }
}
