package org.eie.workflows.planning;

import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.Reminder;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * An overdue review is escalated where its responsible groups see it: the review task is marked
 * urgent (priority {@value #URGENT}, sorted first and highlighted in Tasklist), gets a reminder
 * comment, and the reminder is recorded for the plan document.
 */
@Component
class SendOverdueReminder implements JavaDelegate {

  static final int URGENT = 80;

  private final TaskService tasks;

  SendOverdueReminder(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = (String) execution.getVariable("overdueTaskKey");
    int year = ((Number) execution.getVariable("implementationYear")).intValue();
    // The review as the diagram names it; the task's own name also carries the cycle's years.
    String review = ((FlowElement) execution.getBpmnModelInstance().getModelElementById(taskKey))
        .getName();
    for (var task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).active().list()) {
      String groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(link -> link.getGroupId()).sorted().collect(Collectors.joining(", "));
      String due = task.getDueDate() == null ? "" : task.getDueDate().toInstant().toString();
      task.setPriority(URGENT);
      tasks.saveTask(task);
      tasks.createComment(task.getId(), execution.getProcessInstanceId(),
          CycleVariables.message("reminder.comment", due.isEmpty() ? "?"
              : task.getDueDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), groups));
      Implementation implementation =
          JsonVariables.read(execution, CycleVariables.IMPLEMENTATION, Implementation.class);
      execution.getProcessInstance().setVariable(CycleVariables.IMPLEMENTATION, JsonVariables.json(
          implementation.with(new Reminder(year, review, groups, due, CycleVariables.now()))));
    }
  }
}
