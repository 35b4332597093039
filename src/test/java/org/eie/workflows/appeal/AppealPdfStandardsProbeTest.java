package org.eie.workflows.appeal;

import java.util.Locale;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.PdfStandards;
import org.junit.jupiter.api.Test;

class AppealPdfStandardsProbeTest {
  @Test
  void probe() throws Exception {
    var writer = new AppealDocumentWriter(new DocumentRenderer());
    byte[] pdf = writer.write(AppealDocumentSamples.lebanonBeirutExplosion(), Locale.UK);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/appeal"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/appeal/probe.pdf"), pdf);
    PdfStandards.failures(pdf).forEach(System.out::println);
  }
}
