package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Open member feedback on both drafts, shown to both revising teams. Gathered once per cycle. */
@Component
class RecordFeedback extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String feedback = form.text("memberFeedback", true);
    form.throwIfInvalid();
    execution.setVariable("memberFeedback", feedback);
    execution.setVariable("feedbackGathered", true);
  }
}
