package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** The end-of-cycle evaluation, for the plan document and the next cycle's review. */
@Component
class RecordEvaluation extends PlanningRecorder {

  private final CurrentUser user;

  RecordEvaluation(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String summary = form.text("evaluationSummary", true);
    String lessons = form.text("lessonsLearned", true);
    String recommendations = form.text("recommendations", true);
    form.throwIfInvalid();
    String userId = user.recordedId();
    var evaluation = new Evaluation(String.valueOf(execution.getVariable("cycleLabel")), summary,
        lessons, recommendations, userId, user.nameOf(userId), CycleVariables.now());
    execution.setVariable(CycleVariables.EVALUATION, JsonVariables.json(evaluation));
  }
}
