package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Drafting and revision of either plan: the typed priorities are checked (outcomes and indicators
 * for each, INEE's cross-cutting elements) and kept as the plan's JSON, and the text is given back
 * with its priority codes so the next revision keeps them.
 */
@Component
class RecordPlanDraft implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean inee = task.getTaskDefinitionKey().contains("Inee");
    var form = new FormReader(task.getVariables());
    if (inee) {
      String planText = form.text("ineePlanText", false);
      String crossCutting = form.text("ineeCrossCuttingText", false);
      form.throwIfInvalid();
      StrategicPlan plan = PlanText.parse(StrategicPlan.INEE, "ineePlanText", planText,
          "ineeCrossCuttingText", crossCutting);
      task.setVariable(CycleVariables.INEE_PLAN, JsonVariables.json(plan));
      task.setVariable("ineePlanText", PlanText.format(plan));
      task.setVariable("ineeCrossCuttingText", String.join("\n", plan.crossCuttingElements()));
      task.setVariable("ineeOverview", PlanText.overview(plan));
      task.setVariable("redraftInee", false);
      task.setVariable("ineeReturnReason", null);
    } else {
      String planText = form.text("clusterPlanText", false);
      form.throwIfInvalid();
      StrategicPlan plan = PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText", planText,
          null, null);
      task.setVariable(CycleVariables.CLUSTER_PLAN, JsonVariables.json(plan));
      task.setVariable("clusterPlanText", PlanText.format(plan));
      task.setVariable("clusterOverview", PlanText.overview(plan));
      task.setVariable("redraftCluster", false);
      task.setVariable("clusterReturnReason", null);
    }
  }
}
