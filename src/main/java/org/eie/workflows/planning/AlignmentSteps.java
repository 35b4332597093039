package org.eie.workflows.planning;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;

/** What the alignment steps share: the two plans, the map, and the flagged priorities. */
final class AlignmentSteps {

  private AlignmentSteps() {
  }

  static StrategicPlan inee(VariableScope scope) {
    return JsonVariables.read(scope, CycleVariables.INEE_PLAN, StrategicPlan.class);
  }

  static StrategicPlan cluster(VariableScope scope) {
    return JsonVariables.read(scope, CycleVariables.CLUSTER_PLAN, StrategicPlan.class);
  }

  static AlignmentMap map(VariableScope scope) {
    AlignmentMap map = JsonVariables.read(scope, CycleVariables.ALIGNMENT, AlignmentMap.class);
    return map == null ? AlignmentMap.empty() : map;
  }

  /** Saves the map and flags what is unmatched; returns the flagged codes. */
  static List<String> save(VariableScope scope, AlignmentMap map) {
    StrategicPlan inee = inee(scope);
    StrategicPlan cluster = cluster(scope);
    List<String> unmatched = Alignment.unmatched(map, inee, cluster);
    scope.setVariable(CycleVariables.ALIGNMENT, JsonVariables.json(map));
    scope.setVariable("alignmentText", Alignment.format(map, inee, cluster));
    scope.setVariable("unmatchedCount", unmatched.size());
    scope.setVariable("unmatchedCodes", JsonVariables.json(new ArrayList<>(unmatched)));
    scope.setVariable("unmatchedPriorities", Alignment.describe(unmatched, inee, cluster));
    return unmatched;
  }
}
