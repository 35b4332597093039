package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The Standards and Practice working group's verdict on one module: aligned with the INEE Minimum
 * Standards, or back to the Secretariat for revision with a comment saying what to change.
 */
@Component
class RecordModuleReview implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (country withdrawn, evaluation closed): nothing to record
    }
    var form = new FormReader(execution.getVariables());
    Boolean aligned = form.yesNo("moduleAligned", true);
    form.throwIfInvalid();
    form.text("alignmentComment", !aligned);
    form.throwIfInvalid();
    // the form sends "true"/"false"; the gateway reads a boolean of this module's branch
    execution.setVariable("moduleAligned", aligned);
  }
}
