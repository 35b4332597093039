package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The Standards and Practice working group's verdict on one module: aligned with the INEE Minimum
 * Standards, or back to the Secretariat for revision with a comment saying what to change.
 */
@Component
class RecordModuleReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var input = new FormInput(task.getVariables());
    boolean aligned = input.yesNo("moduleAligned");
    if (!aligned) {
      input.text("alignmentComment");
    }
    // the form sends "true"/"false"; the gateway reads a boolean of this module's branch
    task.getExecution().setVariable("moduleAligned", aligned);
  }
}
