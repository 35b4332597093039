package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.forms.TaskCompletion;
import org.springframework.stereotype.Component;

/** The Secretariat's lessons learned, required: they are a section of the rollout report. */
@Component
class RecordLessonsLearned extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    form.text(TrainingVariables.LESSONS_LEARNED, true);
    form.throwIfInvalid();
  }
}
