package org.eie.workflows.planning;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.eie.workflows.Processes;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The end-of-cycle evaluation feeds the next cycle: a new cycle for the three following years is
 * started with this evaluation for its review. Started once, even if this step is retried.
 */
@Component
class StartNextCycle implements JavaDelegate {

  static final String PREVIOUS_CYCLE_ID = "previousCycleId";

  private final RuntimeService runtime;

  StartNextCycle(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var existing = runtime.createProcessInstanceQuery()
        .processDefinitionKey(Processes.PLANNING)
        .variableValueEquals(PREVIOUS_CYCLE_ID, execution.getProcessInstanceId()).list();
    if (!existing.isEmpty()) {
      execution.setVariable("nextCycleId", existing.get(0).getId());
      return;
    }
    int nextYear = ((Number) execution.getVariable("firstYear")).intValue() + 3;
    Evaluation evaluation = JsonVariables.read(execution, CycleVariables.EVALUATION, Evaluation.class);
    var alreadyStarted = PlanningCycles.running(runtime, nextYear);
    if (!alreadyStarted.isEmpty()) {
      // Someone started the next cycle by hand: its review still receives this evaluation.
      String id = alreadyStarted.get(0).getId();
      runtime.setVariable(id, CycleVariables.PREVIOUS_EVALUATION, JsonVariables.json(evaluation));
      runtime.setVariable(id, "previousEvaluationText", PrepareCycle.describe(evaluation));
      execution.setVariable("nextCycleId", id);
      return;
    }
    var next = runtime.createProcessInstanceByKey(Processes.PLANNING)
        .businessKey(PlanningCycles.businessKey(nextYear))
        .setVariables(Variables.createVariables()
            .putValue("firstYear", nextYear)
            .putValue("documentLanguage", execution.getVariable("documentLanguage"))
            .putValue("reviewGracePeriod", execution.getVariable("reviewGracePeriod"))
            .putValue(PREVIOUS_CYCLE_ID, execution.getProcessInstanceId())
            .putValueTyped(CycleVariables.PREVIOUS_EVALUATION, JsonVariables.json(evaluation)))
        .execute();
    execution.setVariable("nextCycleId", next.getId());
  }
}
