package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A Language Community's validation of its translation: validated, or back with what to fix. */
@Component
class RecordTranslationReview implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (country withdrawn, evaluation closed): nothing to record
    }
    var input = new FormInput(execution.getVariables());
    boolean validated = input.yesNo("translationValidated");
    if (!validated) {
      input.text("validationComment");
    }
    execution.setVariable("translationValidated", validated);
  }
}
