package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The consultation's summary, which both drafting teams see. */
@Component
class RecordConsultation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var form = new FormReader(task.getVariables());
    String summary = form.text("consultationSummary", true);
    form.throwIfInvalid();
    task.setVariable("consultationSummary", summary);
  }
}
