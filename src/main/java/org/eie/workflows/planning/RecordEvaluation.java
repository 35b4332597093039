package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.springframework.stereotype.Component;

/** The end-of-cycle evaluation, for the plan document and the next cycle's review. */
@Component
class RecordEvaluation implements TaskListener {

  private final CycleData data;

  RecordEvaluation(CycleData data) {
    this.data = data;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = data.currentUser().orElse(null);
    var evaluation = new Evaluation(String.valueOf(task.getVariable("cycleLabel")),
        CycleData.required(task, "evaluationSummary", "what the plans achieved"),
        CycleData.required(task, "lessonsLearned", "the lessons learned"),
        CycleData.required(task, "recommendations", "the recommendations"),
        user, data.userName(user), CycleData.now());
    task.setVariable(CycleData.EVALUATION, CycleData.json(evaluation));
  }
}
