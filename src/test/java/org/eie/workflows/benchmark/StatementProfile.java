package org.eie.workflows.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the SQL statements the engine prepares while an action runs, by MyBatis statement
 * ({@code VariableInstanceEntity.selectByteArray}) and by engine command, from the engine's own
 * debug log: the "which SQL" of a profile, without a profiler. A JDBC batch of like inserts
 * counts once, as it is one round trip.
 */
final class StatementProfile {

  private static final String STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";
  private static final String COMMANDS = "org.camunda.bpm.engine.cmd";

  private final Map<String, Integer> byStatement = new TreeMap<>();
  private final Map<String, Integer> byCommand = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> byCommandAndStatement = new LinkedHashMap<>();
  /** The commands running, innermost first: a command may run others inside it. */
  private final java.util.Deque<String> running = new java.util.ArrayDeque<>();
  private int commands;
  private int total;

  /** Runs the action on this thread with statement logging on, counting as it goes. */
  static StatementProfile of(Runnable action) {
    StatementProfile profile = new StatementProfile();
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    Logger statements = context.getLogger(STATEMENTS);
    Logger commandLog = context.getLogger(COMMANDS);
    Level statementLevel = statements.getLevel();
    Level commandLevel = commandLog.getLevel();
    Thread counted = Thread.currentThread();
    AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        if (Thread.currentThread() == counted) {
          profile.count(event);
        }
      }
    };
    counter.setContext(context);
    counter.start();
    for (Logger logger : new Logger[] {statements, commandLog}) {
      logger.addAppender(counter);
      // Only our counter hears these: the console keeps its own level.
      logger.setAdditive(false);
      logger.setLevel(Level.DEBUG);
    }
    try {
      action.run();
    } finally {
      statements.detachAppender(counter);
      commandLog.detachAppender(counter);
      statements.setAdditive(true);
      commandLog.setAdditive(true);
      statements.setLevel(statementLevel);
      commandLog.setLevel(commandLevel);
      counter.stop();
    }
    return profile;
  }

  private void count(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (event.getLoggerName().startsWith(COMMANDS)) {
      // "ENGINE-13005 Starting command -------------------- SubmitTaskFormCmd ----------..."
      if (message.contains("Starting command")) {
        running.push(++commands + " " + message.replaceAll(".*-+ *(\\w+) *-+.*", "$1"));
      } else if (message.contains("Finishing command") && !running.isEmpty()) {
        running.pop();
      }
    } else if (message.startsWith("==>  Preparing")) {
      total++;
      String statement = event.getLoggerName().substring(STATEMENTS.length() + 1);
      String command = running.isEmpty() ? "outside a command" : running.peek();
      byStatement.merge(statement, 1, Integer::sum);
      byCommand.merge(command, 1, Integer::sum);
      byCommandAndStatement.computeIfAbsent(command, key -> new TreeMap<>())
          .merge(statement, 1, Integer::sum);
    }
  }

  int total() {
    return total;
  }

  Map<String, Integer> byStatement() {
    return byStatement;
  }

  /**
   * Statements per engine command, in order; a command run inside another one (a query from a
   * listener) counts apart, the rest of the outer one's statements (its flush) to the outer one.
   */
  Map<String, Integer> byCommand() {
    return byCommand;
  }

  /** The statements of each command of {@link #byCommand()}. */
  Map<String, Map<String, Integer>> byCommandAndStatement() {
    return byCommandAndStatement;
  }
}
