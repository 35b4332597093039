package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Drafting and revision of either plan: the typed priorities are checked (outcomes and indicators
 * for each, INEE's cross-cutting elements) and kept as the plan's JSON, and the text is given back
 * with its priority codes so the next revision keeps them.
 */
@Component
class RecordPlanDraft extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    boolean inee = execution.getCurrentActivityId().contains("Inee");
    var form = new FormReader(submittedForm(execution));
    if (inee) {
      String planText = form.text("ineePlanText", false);
      String crossCutting = form.text("ineeCrossCuttingText", false);
      form.throwIfInvalid();
      StrategicPlan plan = PlanText.parse(StrategicPlan.INEE, "ineePlanText", planText,
          "ineeCrossCuttingText", crossCutting);
      execution.setVariable(CycleVariables.INEE_PLAN, JsonVariables.json(plan));
      execution.setVariable("ineePlanText", PlanText.format(plan));
      execution.setVariable("ineeCrossCuttingText", String.join("\n", plan.crossCuttingElements()));
      execution.setVariable("ineeOverview", PlanText.overview(plan));
      execution.setVariable("redraftInee", false);
      execution.setVariable("ineeReturnReason", null);
    } else {
      String planText = form.text("clusterPlanText", false);
      form.throwIfInvalid();
      StrategicPlan plan = PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText", planText,
          null, null);
      execution.setVariable(CycleVariables.CLUSTER_PLAN, JsonVariables.json(plan));
      execution.setVariable("clusterPlanText", PlanText.format(plan));
      execution.setVariable("clusterOverview", PlanText.overview(plan));
      execution.setVariable("redraftCluster", false);
      execution.setVariable("clusterReturnReason", null);
    }
  }
}
