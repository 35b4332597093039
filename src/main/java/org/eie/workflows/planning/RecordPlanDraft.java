package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
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
    if (inee) {
      StrategicPlan plan = PlanText.parse(StrategicPlan.INEE, "ineePlanText",
          CycleData.optional(task, "ineePlanText"), "ineeCrossCuttingText",
          CycleData.optional(task, "ineeCrossCuttingText"));
      task.setVariable(CycleData.INEE_PLAN, CycleData.json(plan));
      task.setVariable("ineePlanText", PlanText.format(plan));
      task.setVariable("ineeCrossCuttingText", String.join("\n", plan.crossCuttingElements()));
      task.setVariable("ineeOverview", PlanText.overview(plan));
      task.setVariable("redraftInee", false);
      task.setVariable("ineeReturnReason", null);
    } else {
      StrategicPlan plan = PlanText.parse(StrategicPlan.CLUSTER, "clusterPlanText",
          CycleData.optional(task, "clusterPlanText"), null, null);
      task.setVariable(CycleData.CLUSTER_PLAN, CycleData.json(plan));
      task.setVariable("clusterPlanText", PlanText.format(plan));
      task.setVariable("clusterOverview", PlanText.overview(plan));
      task.setVariable("redraftCluster", false);
      task.setVariable("clusterReturnReason", null);
    }
  }
}
