package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eie.workflows.documents.DocumentRenderer;
import org.junit.jupiter.api.Test;

class AppealDocumentWriterTest {

  private static final AppealDocumentWriter WRITER = new AppealDocumentWriter(new DocumentRenderer());

  @Test
  void rendersTheCountry() throws IOException {
    byte[] pdf = WRITER.write(AppealDocumentSamples.lebanonBeirutExplosion(), Locale.ENGLISH);
    Files.createDirectories(Path.of("target/appeal"));
    Files.write(Path.of("target/appeal/en.pdf"), pdf);
    Files.write(Path.of("target/appeal/fr.pdf"), WRITER.write(AppealDocumentSamples.lebanonBeirutExplosion(), Locale.FRENCH));
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Lebanon", "Flash Appeal");
    }
  }
}
