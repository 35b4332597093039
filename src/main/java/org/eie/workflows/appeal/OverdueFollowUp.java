package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.ASSESSMENT_DUE;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE_DAYS;
import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What a global co-lead's follow-up of an overdue step shows before anything else: which deadline
 * was missed and whether the appeal is signed off yet ({@code missedDeadline} and
 * {@code signOffState}, local to the follow-up task, read by {@code appealOverdueFollowUp.form}).
 * Set when the follow-up opens and again at each sign-off while it is open, so the form never
 * tells the state of an earlier moment.
 */
@Component
class OverdueFollowUp implements TaskListener {

  static final String MISSED_DEADLINE = "missedDeadline";
  static final String SIGN_OFF_STATE = "signOffState";
  static final String ENDORSEMENT_FOLLOW_UP = "Task_FollowUpOverdueEndorsement";
  static final List<String> TASKS = List.of("Task_FollowUpOverdueAssessment",
      "Task_FollowUpOverduePublication", ENDORSEMENT_FOLLOW_UP);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  @Override
  public void notify(DelegateTask task) {
    if (ENDORSEMENT_FOLLOW_UP.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(MISSED_DEADLINE, missedEndorsement(
          (Date) task.getVariable(AppealVariables.ENDORSEMENT_DUE),
          (Number) task.getVariable(AppealVariables.ENDORSEMENT_DAYS)));
      task.setVariableLocal(SIGN_OFF_STATE, signOffState(signOffsOf(task)));
      return;
    }
    task.setVariableLocal(MISSED_DEADLINE, missedDeadline(task.getTaskDefinitionKey(),
        (Date) task.getVariable(ASSESSMENT_DUE), (Date) task.getVariable(PUBLICATION_DEADLINE),
        (Number) task.getVariable(PUBLICATION_DEADLINE_DAYS),
        task.getVariable("documentVersion") != null));
    task.setVariableLocal(SIGN_OFF_STATE, signOffState(signOffsOf(task)));
  }

  /** After a sign-off: the appeal's open follow-ups tell the new state. */
  static void signOffChanged(DelegateExecution execution, SignOffs signOffs) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String state = signOffState(signOffs);
    // The co-lead signing may not write the global co-leads' task; the engine does it for them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(TASKS.toArray(String[]::new)).list()
          .forEach(task -> tasks.setVariableLocal(task.getId(), SIGN_OFF_STATE, state));
      return null;
    });
  }

  static String missedDeadline(String taskKey, Date assessmentDue, Date publicationDeadline,
      Number publicationDays, boolean revision) {
    if ("Task_FollowUpOverdueAssessment".equals(taskKey)) {
      return "Missed deadline: the rapid needs assessment, due " + when(assessmentDue)
          + " (72 hours after onset).";
    }
    return "Missed deadline: publication of the appeal, due " + when(publicationDeadline)
        + (publicationDays == null ? "" : " (" + publicationDays + " days after "
            + (revision ? "the revision was started" : "onset") + ")") + ".";
  }

  static String missedEndorsement(Date due, Number days) {
    return "Missed deadline: the Humanitarian Coordinator's endorsement, due " + when(due)
        + (days == null ? "" : " (" + days + " days after both co-leads signed off)")
        + ". The HC's office still has the task.";
  }

  /** Whether the current version is signed off, and by whom. */
  static String signOffState(SignOffs signOffs) {
    Map<String, SignOff> approved = new java.util.HashMap<>();
    signOffs.currentApprovals().forEach(s -> approved.put(s.organisation(), s));
    SignOff unicef = approved.get(RecordSignOff.UNICEF);
    SignOff saveTheChildren = approved.get(RecordSignOff.SAVE_THE_CHILDREN);
    if (unicef != null && saveTheChildren != null) {
      return "Signed off: yes, for UNICEF by " + unicef.userName() + " and for Save the Children"
          + " by " + saveTheChildren.userName() + "; once the Humanitarian Coordinator endorses it,"
          + " the appeal is published.";
    }
    if (unicef != null) {
      return "Signed off: not yet. UNICEF approved (" + unicef.userName() + "); the Save the"
          + " Children sign-off is still open.";
    }
    return "Signed off: not yet. Neither co-lead organisation has approved this version.";
  }

  private static SignOffs signOffsOf(VariableScope appeal) {
    SignOffs signOffs = JsonVariables.read(appeal, SIGN_OFFS, SignOffs.class);
    return signOffs == null ? SignOffs.NONE : signOffs;
  }

  private static String when(Date date) {
    return date == null ? "(no date recorded)"
        : WHEN.format(date.toInstant().atOffset(ZoneOffset.UTC));
  }
}
