package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Translation;
import org.springframework.stereotype.Component;

/** One Language Community's translation of the launched plans. */
@Component
class RecordTranslation implements TaskListener {

  private final CycleData data;

  RecordTranslation(CycleData data) {
    this.data = data;
  }

  @Override
  public void notify(DelegateTask task) {
    String link = CycleData.link(task, "translationLink");
    String user = data.currentUser().orElse(null);
    Launch launch = CycleData.get(task, CycleData.LAUNCH, Launch.class);
    launch = launch.with(new Translation(String.valueOf(task.getVariable("language")), user,
        data.userName(user), link, CycleData.now()));
    CycleData.forget(task, "translationLink", "translationNote");
    task.getExecution().getProcessInstance().setVariable(CycleData.LAUNCH, CycleData.json(launch));
  }
}
