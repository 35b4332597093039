package org.eie.workflows.training;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.eie.workflows.Processes;
import org.eie.workflows.tasklist.TaskContext;
import org.springframework.stereotype.Component;

/**
 * What a training rollout's tasks are about: the package version and, in a country's rollout,
 * the country (its tasks' names already name module, language or country through the BPMN).
 */
@Component
class TrainingTaskContext implements TaskContext {

  @Override
  public Set<String> processKeys() {
    return Set.of(Processes.TRAINING, Processes.TRAINING_COUNTRY);
  }

  @Override
  public Map<String, String> of(DelegateTask task) {
    Map<String, String> values = new HashMap<>();
    Object country = task.getVariable(TrainingVariables.COUNTRY);
    if (country != null) {
      values.put(COUNTRY, country.toString());
    }
    values.put("package", task.getExecution().getProcessBusinessKey());
    return values;
  }
}
