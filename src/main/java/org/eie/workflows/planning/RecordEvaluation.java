package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.springframework.stereotype.Component;

/** The end-of-cycle evaluation, for the plan document and the next cycle's review. */
@Component
class RecordEvaluation implements TaskListener {

  private final CycleVariables data;

  RecordEvaluation(CycleVariables data) {
    this.data = data;
  }

  @Override
  public void notify(DelegateTask task) {
    var form = new FormReader(task.getVariables());
    String summary = form.text("evaluationSummary", true);
    String lessons = form.text("lessonsLearned", true);
    String recommendations = form.text("recommendations", true);
    form.throwIfInvalid();
    String user = data.currentUser().orElse(null);
    var evaluation = new Evaluation(String.valueOf(task.getVariable("cycleLabel")), summary,
        lessons, recommendations, user, data.userName(user), CycleVariables.now());
    task.setVariable(CycleVariables.EVALUATION, CycleVariables.json(evaluation));
  }
}
