package org.eie.workflows.forms;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How the engine logs what its commands throw. By default it logs every exception of a command
 * at ERROR with its whole stack trace, including a user's refused form (about 210 lines each), so
 * that a real error drowns among refusals. Here the engine's own command logging is off
 * ({@code enableCmdExceptionLogging}) and the outermost command logs instead: a refused input or
 * a refused permission as one WARN line naming the fields, anything else at ERROR with its stack
 * trace. A lost optimistic lock is the engine's normal retry and is left to its caller. The calls
 * inside a {@link SharedCommand} are each logged as outermost.
 */
@Component
class RefusalLogging extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableCmdExceptionLogging(false);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Logging());
  }

  static final class Logging extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      boolean outermost = Context.getCommandContext() == null
          || Context.getCommandInvocationContext().getCommand() instanceof SharedCommand;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (outermost) {
          log(command, e);
        }
        throw e;
      }
    }

    private static void log(Command<?> command, RuntimeException e) {
      String name = command.getClass().getSimpleName();
      InvalidInput invalid = null;
      for (Throwable cause = e; cause != null && invalid == null; cause = cause.getCause()) {
        invalid = cause instanceof InvalidInput input ? input : null;
      }
      if (invalid != null) {
        invalid.logOnce(LOG, name);
      } else if (e instanceof BadUserRequestException || e instanceof AuthorizationException) {
        LOG.warn("Refused ({}): {}", name, e.getMessage());
      } else if (!(e instanceof OptimisticLockingException)) {
        LOG.error("Command {} failed", name, e);
      }
    }
  }
}
