package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.CANCELLATION;
import static org.eie.workflows.appeal.AppealVariables.CANCELLATION_MESSAGE;
import static org.eie.workflows.appeal.AppealVariables.CLOSURE_MESSAGE;
import static org.eie.workflows.appeal.AppealVariables.REVISION_DECISION;
import static org.eie.workflows.appeal.AppealVariables.REVISION_MESSAGE;
import static org.eie.workflows.Processes.APPEAL;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.forms.StateConflict;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.identity.RoleActions;
import org.springframework.stereotype.Service;

/**
 * What the REST API does with appeals, as the calling user (the engine's authorization and tenant
 * checks apply to every call): start one, cancel one, decide its revision (a partner project is submitted through
 * {@code appeal/projects/ProjectSubmissions}).
 */
@Service
class AppealService {

  private final RuntimeService runtime;
  private final CurrentUser user;
  private final RoleActions actions;

  AppealService(RuntimeService runtime, CurrentUser user, RoleActions actions) {
    this.actions = actions;
    this.runtime = runtime;
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
}
