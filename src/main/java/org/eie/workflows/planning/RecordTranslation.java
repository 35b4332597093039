package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Translation;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** One Language Community's translation of the launched plans. */
@Component
class RecordTranslation implements TaskListener {

  private final CurrentUser user;

  RecordTranslation(CurrentUser user) {
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    var form = new FormReader(task.getVariables());
    String link = form.link("translationLink", true);
    form.throwIfInvalid();
    String userId = user.recordedId();
    Launch launch = JsonVariables.read(task, CycleVariables.LAUNCH, Launch.class);
    launch = launch.with(new Translation(String.valueOf(task.getVariable("language")), userId,
        user.nameOf(userId), link, CycleVariables.now()));
    CycleVariables.forget(task, "translationLink", "translationNote");
    task.getExecution().getProcessInstance().setVariable(CycleVariables.LAUNCH, JsonVariables.json(launch));
  }
}
