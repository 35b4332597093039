package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A Language Community's validation of its translation: validated, or back with what to fix. */
@Component
class RecordTranslationReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var input = new FormInput(task.getVariables());
    boolean validated = input.yesNo("translationValidated");
    if (!validated) {
      input.text("validationComment");
    }
    task.getExecution().setVariable("translationValidated", validated);
  }
}
