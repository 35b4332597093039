package org.eie.workflows.appeal;

import org.eie.workflows.forms.InvalidInput;
import static org.eie.workflows.appeal.AppealVariables.CANCELLATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * An appeal is never cancelled without a recorded reason: a cancellation message without the
 * {@code cancellation} variable (see {@link AppealService#cancel}) is refused and rolled back.
 */
@Component
class RequireCancellationReason implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Cancellation recorded;
    try {
      recorded = JsonVariables.read(execution, CANCELLATION, Cancellation.class);
    } catch (IllegalStateException notACancellation) {
      // Sent through the engine's API, it may be anything: what is not a cancellation gives no reason.
      recorded = null;
    }
    if (recorded == null || recorded.reason() == null
        || recorded.reason().isBlank()) {
      throw new InvalidInput("reason", "an appeal is only cancelled with a reason");
    }
  }
}
