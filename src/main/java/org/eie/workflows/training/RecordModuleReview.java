package org.eie.workflows.training;

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
    var input = new FormInput(execution.getVariables());
    boolean aligned = input.yesNo("moduleAligned");
    if (!aligned) {
      input.text("alignmentComment");
    }
    // the form sends "true"/"false"; the gateway reads a boolean of this module's branch
    execution.setVariable("moduleAligned", aligned);
  }
}
