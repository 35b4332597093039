package org.eie.workflows.planning;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.eie.workflows.Processes;
import org.eie.workflows.tasklist.TaskContext;
import org.springframework.stereotype.Component;

/** What a planning cycle's tasks are about: the cycle's years ("2027-2029") and its language. */
@Component
class PlanningTaskContext implements TaskContext {

  @Override
  public Set<String> processKeys() {
    return Set.of(Processes.PLANNING);
  }

  @Override
  public Map<String, String> of(DelegateTask task) {
    Map<String, String> values = new HashMap<>();
    Object cycle = task.getVariable("cycleLabel");
    values.put("cycle", cycle == null ? null : cycle.toString());
    Object language = task.getVariable("language");
    values.put("language", language == null ? null : language.toString());
    return values;
  }
}
