package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Base fonts are silent while unused; text whose template names no font family is drawn in the
 * shipped font (PDF/A allows no other), so nothing is left unembedded and nothing is warned.
 */
@Tag("fast")
class UnembeddedFontWarningTest {

  private final DocumentRenderer renderer = new DocumentRenderer();

  @Test
  void textWithoutAFontFamilyIsDrawnInTheShippedFontAndNothingIsWarned() throws Exception {
    var request = new DocumentRequest("inline", Locale.ENGLISH, Map.of(), "t", "s", "k");

    List<ILoggingEvent> withoutFamily = warningsOf(() -> renderer.renderHtml(
        "<html><body><p>No font family named</p></body></html>", request));
    List<ILoggingEvent> withFamily = warningsOf(() -> renderer.renderHtml(
        "<html><body style=\"font-family: 'DejaVu Sans'\"><p>Registered</p></body></html>",
        request));

    assertThat(withoutFamily).isEmpty();
    assertThat(withFamily).isEmpty();
    byte[] pdf = renderer.renderHtml("<html><body><p>No font family named</p></body></html>",
        request);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("No font family named");
      var resources = document.getPage(0).getResources();
      for (var name : resources.getFontNames()) {
        assertThat(resources.getFont(name).isEmbedded()).isTrue();
        assertThat(resources.getFont(name).getName()).contains("DejaVuSans");
      }
    }
  }

  private static List<ILoggingEvent> warningsOf(Runnable render) {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var events = new ListAppender<ILoggingEvent>();
    events.start();
    root.addAppender(events);
    try {
      render.run();
    } finally {
      root.detachAppender(events);
    }
    return events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
  }
}
