package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.forms.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * The Standards and Practice working group's verdict on one module: aligned with the INEE Minimum
 * Standards, or back to the Secretariat for revision with a comment saying what to change.
 */
@Component
class RecordModuleReview extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    Boolean aligned = form.yesNo("moduleAligned", true);
    form.throwIfInvalid();
    form.text("alignmentComment", !aligned);
    form.throwIfInvalid();
    // the form sends "true"/"false"; the gateway reads a boolean of this module's branch
    execution.setVariable("moduleAligned", aligned);
  }
}
