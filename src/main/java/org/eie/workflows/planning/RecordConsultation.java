package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The consultation's summary, which both drafting teams see. */
@Component
class RecordConsultation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable("consultationSummary",
        CycleData.required(task, "consultationSummary", "the consultation summary"));
  }
}
