package org.eie.workflows.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, so that the application's logging configuration governs it
 * (by default openhtmltopdf prints several INFO lines to the console on every render).
 */
final class Slf4jXRLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    int severity = level.intValue();
    if (severity >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (severity >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (severity >= Level.INFO.intValue()) {
      logger.debug(message, error); // openhtmltopdf's INFO is per-render chatter
    } else {
      logger.trace(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels come from the application's logging configuration.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int severity = diagnostic.getLevel().intValue();
    return severity >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
  }
}
