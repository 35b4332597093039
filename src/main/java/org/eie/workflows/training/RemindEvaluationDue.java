package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.EVALUATION_DUE_AT;
import static org.eie.workflows.training.TrainingVariables.REMINDERS_SENT;

import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminds the co-leads that the evaluation report is due soon: the open task moves to the top of
 * their Tasklist (high priority) and carries a comment with the deadline, and the reminder is
 * counted for the rollout report.
 */
@Component
class RemindEvaluationDue implements JavaDelegate {

  static final int REMINDED_PRIORITY = 90;

  /** The co-leads' Tasklist shows one language; the rollout's wording is English by default. */
  private static final ResourceBundle WORDING = ResourceBundle.getBundle("training/messages",
      Locale.ENGLISH, ResourceBundle.Control.getNoFallbackControl(
          ResourceBundle.Control.FORMAT_PROPERTIES));

  @Override
  public void execute(DelegateExecution execution) {
    var tasks = execution.getProcessEngineServices().getTaskService();
    Date due = (Date) execution.getVariable(EVALUATION_DUE_AT);
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_SubmitEvaluation").list()) {
      task.setPriority(REMINDED_PRIORITY);
      tasks.saveTask(task);
      tasks.createComment(task.getId(), execution.getProcessInstanceId(),
          MessageFormat.format(WORDING.getString("reminder.evaluationDue"), due.toInstant()));
    }
    Object sent = execution.getVariable(REMINDERS_SENT);
    execution.setVariable(REMINDERS_SENT, (sent instanceof Number n ? n.intValue() : 0) + 1);
  }
}
