package org.eie.workflows.training;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The Secretariat's lessons learned, required: they are a section of the rollout report. */
@Component
class RecordLessonsLearned implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (country withdrawn, evaluation closed): nothing to record
    }
    var form = new FormReader(execution.getVariables());
    form.text(TrainingVariables.LESSONS_LEARNED, true);
    form.throwIfInvalid();
  }
}
