package org.eie.workflows.appeal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.eie.workflows.forms.TransientFormFields;

/**
 * Records what a user task's form submitted, as the task's activity ends. An execution listener
 * rather than a task "complete" listener on purpose: the engine wraps task-listener exceptions in
 * a generic error (HTTP 500 in the REST API, a stack-trace message in Tasklist), while this way a
 * refused input reaches the user as the 400 with field names that it is. A task cancelled by a
 * timer, a terminate end event or the appeal's cancellation records nothing.
 */
abstract class TaskCompletion implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution instanceof PvmExecutionImpl pvm && pvm.isCanceled()) {
      return;
    }
    completed(execution);
    TransientFormFields.forgetSubmittedForm(execution);
  }

  /** The form of the task was submitted; its values are the execution's variables. */
  protected abstract void completed(DelegateExecution execution);

  /**
   * The submitted form: from Tasklist, the transient form the task was handed
   * ({@link TransientFormFields}); from {@code TaskService.complete}, the execution's variables.
   */
  protected static Map<String, Object> submittedForm(DelegateExecution execution) {
    Map<String, Object> form = TransientFormFields.submittedForm(execution);
    return form != null ? form : execution.getVariables();
  }
}
