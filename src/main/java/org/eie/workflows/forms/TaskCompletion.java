package org.eie.workflows.forms;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Records what a user task's form submitted, as the task's activity ends: the one way every
 * process records a completed form. An execution listener rather than a task "complete" listener
 * on purpose: the engine wraps task-listener exceptions in a generic error (HTTP 500 in the REST
 * API, a stack-trace message in Tasklist), while this way a refused input reaches the user as the
 * 400 with field names that it is. A task that is cancelled rather than completed (a timer, a
 * terminate end event, a cancelled appeal, a withdrawn country) records nothing.
 */
public abstract class TaskCompletion implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (cancelled(execution)) {
      return;
    }
    completed(execution);
    TransientFormFields.forgetSubmittedForm(execution);
  }

  /** The form of the task was submitted; its values are {@link #submittedForm}. */
  protected abstract void completed(DelegateExecution execution);

  /**
   * The submitted form: from Tasklist, the transient form the task was handed
   * ({@link TransientFormFields}); from {@code TaskService.complete}, the execution's variables.
   */
  protected static Map<String, Object> submittedForm(DelegateExecution execution) {
    Map<String, Object> form = TransientFormFields.submittedForm(execution);
    return form != null ? form : execution.getVariables();
  }

  /**
   * Whether the activity ends because it was cancelled (a boundary timer, a terminate end event, a
   * message that withdraws the instance) rather than completed: nothing was submitted then.
   */
  public static boolean cancelled(DelegateExecution execution) {
    return execution.isCanceled();
  }
}
