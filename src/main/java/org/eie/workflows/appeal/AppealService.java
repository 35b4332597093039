package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.CANCELLATION;
import static org.eie.workflows.appeal.AppealVariables.CANCELLATION_MESSAGE;
import static org.eie.workflows.appeal.AppealVariables.CLOSURE_MESSAGE;
import static org.eie.workflows.appeal.AppealVariables.REVISION_DECISION;
import static org.eie.workflows.appeal.AppealVariables.REVISION_MESSAGE;
import static org.eie.workflows.Processes.APPEAL;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.Processes.APPEAL_PARTNER_SUBMISSION;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.appeal.projects.NewProjectIds;
import org.eie.workflows.appeal.projects.RecordPartnerProject;
import org.eie.workflows.appeal.projects.SubmissionClosedException;
import org.eie.workflows.appeal.projects.SubmittingOrganisation;
import org.eie.workflows.forms.StateConflict;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.identity.RoleActions;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Service;

/**
 * What the REST API does with appeals, as the calling user (the engine's authorization and tenant
 * checks apply to every call): start one, submit a partner project into the open call, cancel one.
 */
@Service
class AppealService {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final HistoryService history;
  private final ProcessEngine engine;
  private final CurrentUser user;
  private final RoleActions actions;
  private final SubmittingOrganisation organisations;

  AppealService(RuntimeService runtime, TaskService tasks, FormService forms,
      HistoryService history, ProcessEngine engine, CurrentUser user,
      RoleActions actions, SubmittingOrganisation organisations) {
    this.actions = actions;
    this.organisations = organisations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.history = history;
    this.engine = engine;
    this.user = user;
  }

  /**
   * Starts an appeal from the REST body's fields, exactly as the Tasklist start form does: the
   * start listener checks the trigger once, and bad input rolls the start back (nothing exists).
   */
  ProcessInstance start(Map<String, Object> fields) {
    return runtime.createProcessInstanceByKey(APPEAL)
        .businessKey(businessKey(fields.get("country"), fields.get("onset")))
        .setVariables(fields).execute();
  }

  /** {@code APPEAL-LB-20261120-3f2a}: country, onset date, a random suffix. */
  static String businessKey(Object country, Object onset) {
    String code = country instanceof String c && c.matches("[A-Za-z]{2}")
        ? c.toUpperCase(java.util.Locale.ROOT) : "XX";
    String date = onset instanceof String o && o.matches("\\d{4}-\\d{2}-\\d{2}.*")
        ? o.substring(0, 10).replace("-", "") : "00000000";
    return "APPEAL-" + code + "-" + date + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  /**
   * Submits a project through the open "Submit a partner project" task, exactly as Tasklist does,
   * so that the same checks (fields, deadline) apply. Returns the new project's id.
   */
  String submitProject(String appealId, Map<String, Object> fields) {
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

  /**
   * Cancels an appeal with a reason; only its country's co-leads and the global co-leads may.
   * Nobody holds the engine permission to correlate the cancellation through the REST API: it is
   * taken here, checked and recorded ({@link RoleActions}).
   */
  Cancellation cancel(String appealId, String reason) {
    Cancellation cancellation = new Cancellation(RoleActions.reason(reason), user.recordedId(),
        AppealInputs.now().toString());
    sendAsRoleAction("cancel the appeal", appealId, cancellation.reason(),
        CANCELLATION_MESSAGE, CANCELLATION, cancellation, null);
    return cancellation;
  }

  /**
   * A published appeal's co-leads (or the global co-leads) revise it now, before its revision is
   * due, or close it with no (further) revision; recorded with who and why. 409 when the appeal
   * is not at that point: not yet published, or already under revision (closing is still
   * possible while "Revise the appeal" is open).
   *
   * @param decision {@link RevisionDecision#REVISE_NOW} or {@link RevisionDecision#CLOSE}
   */
  RevisionDecision decideRevision(String appealId, String decision, String reason) {
    RevisionDecision decided = new RevisionDecision(decision, RoleActions.reason(reason),
        user.recordedId(), AppealInputs.now().toString());
    boolean revise = RevisionDecision.REVISE_NOW.equals(decision);
    sendAsRoleAction(revise ? "revise the appeal now" : "close the appeal with no revision",
        appealId, decided.reason(), revise ? REVISION_MESSAGE : CLOSURE_MESSAGE,
        REVISION_DECISION, decided, "Appeal " + appealId + (revise
            ? " cannot be revised now: only a published appeal waiting for its revision can"
            : " cannot be closed now: only a published appeal waiting for, or in, its revision"
                + " can; to stop an appeal being prepared, cancel it"));
    return decided;
  }

  /**
   * Correlates a message to a running appeal as a role action of its country's co-leads or the
   * global co-leads (nobody holds the engine permission to do it through the REST API).
   *
   * @param notWaiting the 409's message when the appeal does not wait for the message; null
   *                   when it always does
   */
  private void sendAsRoleAction(String action, String appealId, String reason, String message,
      String variable, Object value, String notWaiting) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(appealId)
        .processDefinitionKey(APPEAL).singleResult();
    if (instance == null) {
      throw new AppealNotFoundException(appealId);
    }
    String country = instance.getTenantId();
    actions.take(action, appealId, country, reason,
        List.of(Groups.coLeadsOf(country), Groups.GLOBAL_CO_LEADS), () -> {
          Map<String, Object> variables = new HashMap<>();
          variables.put(variable, json(value));
          try {
            return runtime.createMessageCorrelation(message).processInstanceId(appealId)
                .setVariables(variables).correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            if (notWaiting == null) {
              throw e;
            }
            throw new StateConflict(notWaiting);
          }
        });
  }

  private <T> T privileged(Function<CommandContext, T> read) {
    return PrivilegedRead.of(engine, read);
  }
}
