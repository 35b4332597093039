package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The consultation's summary, which both drafting teams see. */
@Component
class RecordConsultation extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String summary = form.text("consultationSummary", true);
    form.throwIfInvalid();
    execution.setVariable("consultationSummary", summary);
  }
}
