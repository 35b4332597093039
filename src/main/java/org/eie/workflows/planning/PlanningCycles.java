package org.eie.workflows.planning;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.eie.workflows.Processes;
import org.springframework.stereotype.Component;

/** Starts planning cycles for the REST API, refusing a second running cycle for the same years. */
@Component
class PlanningCycles {


  private final RuntimeService runtime;

  PlanningCycles(RuntimeService runtime) {
    this.runtime = runtime;
  }

  static String businessKey(int firstYear) {
    return "strategic-plan-" + firstYear + "-" + (firstYear + 2);
  }

  static java.util.List<ProcessInstance> running(RuntimeService runtime, int firstYear) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Processes.PLANNING)
        .variableValueEquals("firstYear", firstYear).list();
  }

  ProcessInstance start(int firstYear, String documentLanguage) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("firstYear", firstYear)
        .putValue("documentLanguage", documentLanguage == null ? "en" : documentLanguage);
    return runtime.createProcessInstanceByKey(Processes.PLANNING).businessKey(businessKey(firstYear))
        .setVariables(variables).execute();
  }
}
