package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** The launch: where both plans are published, which the Language Communities translate. */
@Component
class RecordLaunch implements TaskListener {

  private final CurrentUser user;

  RecordLaunch(CurrentUser user) {
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    var form = new FormReader(task.getVariables());
    String link = form.link("publicationLink", true);
    String note = form.text("launchNote", false);
    form.throwIfInvalid();
    task.setVariable("publicationLink", link);
    task.setVariable(CycleVariables.LAUNCH, JsonVariables.json(new Launch(link, note,
        user.recordedId(), CycleVariables.now(), null)));
    CycleVariables.forget(task, "launchNote");
  }
}
