package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Open member feedback on both drafts, shown to both revising teams. Gathered once per cycle. */
@Component
class RecordFeedback implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable("memberFeedback",
        CycleData.required(task, "memberFeedback", "the member feedback"));
    task.setVariable("feedbackGathered", true);
  }
}
