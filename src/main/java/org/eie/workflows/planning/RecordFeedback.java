package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Open member feedback on both drafts, shown to both revising teams. Gathered once per cycle. */
@Component
class RecordFeedback implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var form = new FormReader(task.getVariables());
    String feedback = form.text("memberFeedback", true);
    form.throwIfInvalid();
    task.setVariable("memberFeedback", feedback);
    task.setVariable("feedbackGathered", true);
  }
}
