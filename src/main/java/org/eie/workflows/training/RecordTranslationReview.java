package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.forms.TaskCompletion;
import org.springframework.stereotype.Component;

/** A Language Community's validation of its translation: validated, or back with what to fix. */
@Component
class RecordTranslationReview extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    Boolean validated = form.yesNo("translationValidated", true);
    form.throwIfInvalid();
    form.text("validationComment", !validated);
    form.throwIfInvalid();
    execution.setVariable("translationValidated", validated);
  }
}
