package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Base fonts are silent while unused, and named in one warning when a template draws with them. */
class UnembeddedFontWarningTest {

  private final DocumentRenderer renderer = new DocumentRenderer();

  @Test
  void textInABaseFontIsReportedOnceAndRegisteredFontsAreNot() {
    var request = new DocumentRequest("inline", Locale.ENGLISH, Map.of(), "t", "s", "k");

    List<ILoggingEvent> withoutFamily = warningsOf(() -> renderer.renderHtml(
        "<html><body><p>No font family named</p></body></html>", request));
    List<ILoggingEvent> withFamily = warningsOf(() -> renderer.renderHtml(
        "<html><body style=\"font-family: 'DejaVu Sans'\"><p>Registered</p></body></html>",
        request));

    assertThat(withoutFamily).singleElement().satisfies(e ->
        assertThat(e.getFormattedMessage()).contains("does not embed", "DejaVu Sans"));
    assertThat(withFamily).isEmpty();
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
