package org.eie.workflows.appeal.projects;

import static org.eie.workflows.Processes.APPEAL;
import static org.eie.workflows.Processes.APPEAL_PARTNER_SUBMISSION;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.appeal.AppealNotFoundException;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.PrivilegedRead;
import org.eie.workflows.identity.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * A partner project submitted through the REST API, as the calling partner: into the open
 * "Submit a partner project" task of their own submission sub-instance, exactly as Tasklist
 * submits it, so one recorder ({@link RecordPartnerProject}) checks it, and the answer is the id
 * the appeal gave it ({@link NewProjectIds}).
 */
@Service
public class ProjectSubmissions {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final HistoryService history;
  private final ProcessEngine engine;
  private final CurrentUser user;
  private final SubmittingOrganisation organisations;

  ProjectSubmissions(RuntimeService runtime, TaskService tasks, FormService forms,
      HistoryService history, ProcessEngine engine, CurrentUser user,
      SubmittingOrganisation organisations) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.history = history;
    this.engine = engine;
    this.user = user;
    this.organisations = organisations;
  }

  /**
   * Submits a project through the open "Submit a partner project" task, exactly as Tasklist does,
   * so that the same checks (fields, deadline) apply. Returns the new project's id.
   */
  public String submit(String appealId, Map<String, Object> fields) {
    refuseWhoMayNotApply(appealId, fields);
    // The task lives in the partner's own submission sub-instance, which the caller reaches
    // through its candidate group (and the country tenant) only.
    String submission = privileged(command -> runtime.createProcessInstanceQuery()
        .superProcessInstanceId(appealId).processDefinitionKey(APPEAL_PARTNER_SUBMISSION).list()
        .stream().map(ProcessInstance::getId).findFirst().orElse(null));
    Task task = submission == null ? null : tasks.createTaskQuery().processInstanceId(submission)
        .taskDefinitionKey(RecordPartnerProject.TASK).singleResult();
    if (task == null) {
      throw closedOrUnknown(appealId);
    }
    // Checked once, by the task's own recorder, exactly as a Tasklist submission is; the id is
    // the one the appeal gave the project in the same command.
    return NewProjectIds.of(() -> forms.submitTaskForm(task.getId(), fields));
  }

  /**
   * In a CERF appeal of the caller's country, an organisation that may not apply (an NGO) is
   * refused with the reason (403) before its task is even looked for: the call offers it no task,
   * and "not taking projects" would mislead. Another country's appeal is left to answer 404.
   */
  private void refuseWhoMayNotApply(String appealId, Map<String, Object> fields) {
    List<String> tenants = user.tenantIds();
    Object[] appeal = privileged(command -> {
      var instance = runtime.createProcessInstanceQuery().processInstanceId(appealId)
          .processDefinitionKey(APPEAL).singleResult();
      return instance == null ? null : new Object[] {instance.getTenantId(),
          runtime.getVariable(appealId, AppealVariables.COUNTRY),
          runtime.getVariable(appealId, AppealVariables.APPEAL_TYPE)};
    });
    if (appeal == null || !tenants.contains((String) appeal[0])) {
      return;
    }
    AppealType type = AppealType.of(appeal[2]);
    if (type.cerfAgenciesOnly()) {
      Object named = fields.get(SubmittingOrganisation.FIELD);
      organisations.applicant((String) appeal[1], named instanceof String n ? n : null, type);
    }
  }

  /**
   * No open call: either the appeal is the caller's country's and its window is closed (409 with
   * the deadline), or the caller may not know it exists (404).
   */
  private RuntimeException closedOrUnknown(String appealId) {
    List<String> tenants = user.tenantIds();
    Optional<Object[]> appeal = privileged(command -> {
      var instance = history.createHistoricProcessInstanceQuery().processInstanceId(appealId)
          .processDefinitionKey(APPEAL).singleResult();
      if (instance == null) {
        return Optional.empty();
      }
      var deadline = history.createHistoricVariableInstanceQuery().processInstanceId(appealId)
          .variableName(SUBMISSION_DEADLINE).singleResult();
      return Optional.of(new Object[] {instance.getTenantId(),
          deadline == null ? null : deadline.getValue()});
    });
    if (appeal.isEmpty() || !tenants.contains((String) appeal.get()[0])) {
      return new AppealNotFoundException(appealId);
    }
    Date deadline = (Date) appeal.get()[1];
    if (deadline != null && deadline.before(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
      RecordPartnerProject.refuseIfLate(deadline);
    }
    return new SubmissionClosedException("Appeal " + appealId + " is not taking partner projects"
        + " now: the call for projects opens with the response plan and closes at its deadline"
        + (deadline == null ? "." : " (" + deadline.toInstant() + ")."));
  }

  private <T> T privileged(Function<CommandContext, T> read) {
    return PrivilegedRead.of(engine, read);
  }
}
