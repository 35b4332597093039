package org.eie.workflows.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J instead of stderr, under {@code com.openhtmltopdf.*}.
 * Its INFO messages ("Using fast-mode renderer", stylesheet timings, font loading) come with
 * every render and say nothing an operator needs, so they are logged at DEBUG; warnings and
 * errors (a broken stylesheet, a missing image) stay warnings and errors.
 */
final class Slf4jXRLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (value >= Level.INFO.intValue()) {
      logger.debug(message, error);
    } else {
      logger.trace(message, error);
    }
  }

  @Override
  public void setLevel(String where, Level level) {
    // Levels are the logging configuration's business (logging.level.com.openhtmltopdf).
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int value = diagnostic.getLevel().intValue();
    if (value >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    }
    return value >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}
