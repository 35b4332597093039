package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.Launch;
import org.springframework.stereotype.Component;

/** The launch: where both plans are published, which the Language Communities translate. */
@Component
class RecordLaunch implements TaskListener {

  private final CycleData data;

  RecordLaunch(CycleData data) {
    this.data = data;
  }

  @Override
  public void notify(DelegateTask task) {
    String link = CycleData.link(task, "publicationLink");
    task.setVariable("publicationLink", link);
    task.setVariable(CycleData.LAUNCH, CycleData.json(new Launch(link,
        CycleData.optional(task, "launchNote"), data.currentUser().orElse(null), CycleData.now(),
        null)));
    CycleData.forget(task, "launchNote");
  }
}
