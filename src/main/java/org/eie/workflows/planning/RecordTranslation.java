package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Translation;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** One Language Community's translation of the launched plans. */
@Component
class RecordTranslation extends PlanningRecorder {

  private final CurrentUser user;

  RecordTranslation(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String link = form.link("translationLink", true);
    form.throwIfInvalid();
    String userId = user.recordedId();
    Launch launch = JsonVariables.read(execution, CycleVariables.LAUNCH, Launch.class);
    launch = launch.with(new Translation(String.valueOf(execution.getVariable("language")), userId,
        user.nameOf(userId), link, CycleVariables.now()));
    CycleVariables.forget(execution, "translationLink", "translationNote");
    execution.getProcessInstance().setVariable(CycleVariables.LAUNCH, JsonVariables.json(launch));
  }
}
