package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** The launch: where both plans are published, which the Language Communities translate. */
@Component
class RecordLaunch extends PlanningRecorder {

  private final CurrentUser user;

  RecordLaunch(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String link = form.link("publicationLink", true);
    String note = form.text("launchNote", false);
    form.throwIfInvalid();
    execution.setVariable("publicationLink", link);
    execution.setVariable(CycleVariables.LAUNCH, JsonVariables.json(new Launch(link, note,
        user.recordedId(), CycleVariables.now(), null)));
    CycleVariables.forget(execution, "launchNote");
  }
}
