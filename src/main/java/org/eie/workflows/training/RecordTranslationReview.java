package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
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
    var form = new FormReader(execution.getVariables());
    Boolean validated = form.yesNo("translationValidated", true);
    form.throwIfInvalid();
    form.text("validationComment", !validated);
    form.throwIfInvalid();
    execution.setVariable("translationValidated", validated);
  }
}
