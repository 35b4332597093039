package org.eie.workflows.forms;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A command that only lends its context to the engine calls made inside it, so that they share one
 * transaction (the REST API's reads in {@code security/TasklistReadsInOneCommand}). Each of those
 * calls is logged as a command of its own ({@link RefusalLogging}): a refusal inside is not lost.
 */
public interface SharedCommand extends Command<Void> {
}
