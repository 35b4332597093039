package org.eie.workflows.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * A step's name as the diagram gives it ("Vet partner project"), for the dashboard's rows and
 * step times: a task's own name also carries its appeal and project (tasklist/TaskHeadings),
 * which the dashboard shows in columns of their own. Expression parts of a diagram's name
 * ({@code (${country})}) are left out.
 */
@Component
class StepNames {

  private final RepositoryService repository;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository) {
    this.repository = repository;
  }

  String of(HistoricTaskInstance task) {
    if (task.getProcessDefinitionId() == null) {
      return task.getName();
    }
    return names.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> {
          var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
              .getModelElementById(task.getTaskDefinitionKey());
          String name = element instanceof FlowElement flow ? flow.getName() : null;
          return name == null ? task.getName() : withoutExpressions(name);
        });
  }

  static String withoutExpressions(String name) {
    return name.replaceAll("\\s*\\(?[$#]\\{[^}]*}\\)?", "").replaceAll("[\\s:]+$", "");
  }
}
