package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.forms.TaskCompletion;

/**
 * A planning task's recorder. It records as every process records a completed form ({@link
 * TaskCompletion}: as the task's activity ends, so a refused input reaches the user as a 400
 * naming the field, and a cancelled task records nothing).
 *
 * <p>It is also a task "complete" listener, for one reason: the versions of the cycle's diagram
 * deployed before its recorders became end listeners call them that way, and a cycle runs for
 * three years on the version it started on. Those cycles record exactly as before until they end;
 * every cycle started since runs on the end listeners.
 */
abstract class PlanningRecorder extends TaskCompletion implements TaskListener {

  @Override
  public final void notify(DelegateTask task) {
    completed(task.getExecution());
  }
}
