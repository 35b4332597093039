package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EngineRecord;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Verifies, from the engine's own record and nothing a client can write, that the appeal about to
 * be published was signed off by two different people, one of each co-lead organisation, in the
 * current round, and endorsed after them by the Humanitarian Coordinator's office of the country
 * ({@link #endorsement}). Runs before the document is generated and again as the appeal is handed to the
 * donors ({@code Task_DistributeToDonors}'s start listener). If it does not hold, it throws: no
 * document, no e-mail, and the job's incident in Cockpit says why.
 *
 * <p>The record: the historic task instances of the two sign-off tasks (completed, when), the
 * operation log's "Complete" entry of each (which user the engine had authenticated when the task
 * was completed), the historic activity instances (nothing re-consolidated or re-reviewed after
 * the UNICEF sign-off, and the path went on to "Appeal signed off", which the gateways allow only
 * on two approvals), and the identity store (each signer is, now, a co-lead of the country and a
 * member of the organisation signed for; {@link RecordSignOff} checked the same at the moment of
 * signing, from the signed-in session). The {@code signOffs} variable contributes only the
 * comments.
 */
@Component
public class FourEyesCheck implements ExecutionListener {

  static final String UNICEF_TASK = "Task_SignOffUnicef";
  static final String SAVE_THE_CHILDREN_TASK = "Task_SignOffSaveTheChildren";
  static final String SIGNED_OFF_EVENT = "Event_AppealSignedOff";
  static final String ENDORSEMENT_TASK = "Task_EndorseAppeal";
  /** Steps that change the figures: a sign-off given before one of them is of an older round. */
  static final List<String> NEW_ROUND_STEPS =
      List.of("Task_ConsolidateRequirements", "Task_ReviewConsolidation");

  private final EngineRecord record;
  private final CurrentUser users;

  FourEyesCheck(EngineRecord record, CurrentUser users) {
    this.record = record;
    this.users = users;
  }

  /** Thrown when the record does not show a valid four-eyes sign-off; its message says why. */
  static class FourEyesNotMet extends ProcessEngineException {
    FourEyesNotMet(String appealId, String why) {
      super("Appeal " + appealId + " is not published: " + why);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String country = (String) execution.getVariable("country");
    verified(execution.getProcessInstanceId(), country,
        JsonVariables.read(execution, SIGN_OFFS, SignOffs.class));
    endorsement(execution.getProcessInstanceId(), execution.getProcessDefinitionId(), country);
  }

  /**
   * The two approvals of the current round as the engine recorded them, UNICEF first.
   *
   * @param recorded the appeal's {@code signOffs}, read for the signers' comments only
   * @throws FourEyesNotMet if the record does not show them
   */
  public SignOffs verified(String appealId, String country, SignOffs recorded) {
    recorded = recorded == null ? SignOffs.NONE : recorded;
    String[] signedOff = currentRound(appealId);
    HistoricTaskInstance unicef = completedTask(appealId, signedOff[0]);
    HistoricTaskInstance saveTheChildren = completedTask(appealId, signedOff[1]);

    String unicefSigner = completer(appealId, unicef);
    String saveTheChildrenSigner = completer(appealId, saveTheChildren);
    if (unicefSigner.equals(saveTheChildrenSigner)) {
      throw new FourEyesNotMet(appealId, unicefSigner + " completed both sign-offs; four eyes"
          + " need two different people");
    }
    requireMember(appealId, unicefSigner, Groups.UNICEF, country);
    requireMember(appealId, saveTheChildrenSigner, Groups.SAVE_THE_CHILDREN, country);

    List<SignOff> approvals = new ArrayList<>();
    approvals.add(approval(RecordSignOff.UNICEF, unicefSigner, unicef, recorded));
    approvals.add(approval(RecordSignOff.SAVE_THE_CHILDREN, saveTheChildrenSigner,
        saveTheChildren, recorded));
    return new SignOffs(approvals);
  }

  /**
   * The current round's sign-off tasks and endorsement task as the record shows them (UNICEF,
   * Save the Children, the HC's endorsement or null), or a refusal if the path did not reach
   * "Appeal signed off" after both sign-offs since the figures last changed.
   */
  private String[] currentRound(String appealId) {
    // The appeal's steps in the order they happened (start time, then the engine's sequence
    // counter for steps of the same instant): a consolidation or a review starts a new round,
    // a UNICEF sign-off opens the pair, the HC's endorsement follows it, "Appeal signed off"
    // closes it.
    String unicefTask = null;
    String saveTheChildrenTask = null;
    String endorsementTask = null;
    String[] signedOff = null;
    for (HistoricActivityInstance step : record.stepsInOrder(appealId)) {
      String id = step.getActivityId();
      if (NEW_ROUND_STEPS.contains(id)) {
        unicefTask = null;
        saveTheChildrenTask = null;
        endorsementTask = null;
        signedOff = null;
      } else if (UNICEF_TASK.equals(id)) {
        unicefTask = step.getTaskId();
        saveTheChildrenTask = null;
        endorsementTask = null;
      } else if (SAVE_THE_CHILDREN_TASK.equals(id)) {
        saveTheChildrenTask = step.getTaskId();
      } else if (ENDORSEMENT_TASK.equals(id) && saveTheChildrenTask != null) {
        endorsementTask = step.getTaskId();
      } else if (SIGNED_OFF_EVENT.equals(id) && unicefTask != null
          && saveTheChildrenTask != null) {
        signedOff = new String[] {unicefTask, saveTheChildrenTask, endorsementTask};
      }
    }
    if (signedOff == null) {
      throw new FourEyesNotMet(appealId, "the record shows no UNICEF sign-off followed by a Save"
          + " the Children sign-off and 'Appeal signed off' since the figures last changed");
    }
    return signedOff;
  }

  /**
   * Who endorsed the current round for the Humanitarian Coordinator, and when, from the record:
   * the endorsement task after both sign-offs (the gateway lets "Appeal signed off" follow it
   * only when endorsed), the user the engine had authenticated when it was completed, who is
   * now in the HC's office of the country. Empty for an appeal whose diagram predates the
   * endorsement (published on its co-leads' sign-off, as its diagram says).
   *
   * @throws FourEyesNotMet if the diagram has the endorsement and the record does not show it
   */
  public Optional<Endorser> endorsement(String appealId, String processDefinitionId,
      String country) {
    if (!hasEndorsement(processDefinitionId)) {
      return Optional.empty();
    }
    String taskId = currentRound(appealId)[2];
    if (taskId == null) {
      throw new FourEyesNotMet(appealId, "the record shows no endorsement by the Humanitarian"
          + " Coordinator after the co-leads' sign-offs");
    }
    HistoricTaskInstance task = record.completedTask(taskId).orElseThrow(() ->
        new FourEyesNotMet(appealId, "the Humanitarian Coordinator's endorsement was not"
            + " completed by a user"));
    String userId = completer(appealId, task);
    if (!record.groupsOf(userId).contains(Groups.humanitarianCoordinatorOf(country))) {
      throw new FourEyesNotMet(appealId, userId + " endorsed but is not in the Humanitarian"
          + " Coordinator's office of " + country);
    }
    return Optional.of(new Endorser(userId, users.nameOf(userId),
        task.getEndTime().toInstant().atOffset(ZoneOffset.UTC).toString()));
  }

  /** Who endorsed and when ({@code at}: ISO-8601, UTC), as the engine recorded it. */
  public record Endorser(String userId, String userName, String at) {
  }

  private boolean hasEndorsement(String processDefinitionId) {
    return processDefinitionId == null || record.definitionHas(processDefinitionId,
        ENDORSEMENT_TASK);
  }

  private HistoricTaskInstance completedTask(String appealId, String taskId) {
    return record.completedTask(taskId).orElseThrow(() -> new FourEyesNotMet(appealId,
        "a sign-off task of the current round was not completed by a user"));
  }

  /** Who the engine had authenticated when the task was completed. */
  private String completer(String appealId, HistoricTaskInstance task) {
    return record.completedBy(task.getId()).orElseThrow(() -> new FourEyesNotMet(appealId,
        "'" + task.getName() + "' was completed without a signed-in user on record"));
  }

  private void requireMember(String appealId, String userId, String organisation,
      String country) {
    List<String> groups = record.groupsOf(userId);
    if (!groups.contains(organisation) || !groups.contains(Groups.coLeadsOf(country))) {
      throw new FourEyesNotMet(appealId, userId + " signed off but is not a co-lead of "
          + country + " in " + organisation);
    }
  }

  private SignOff approval(String organisation, String userId, HistoricTaskInstance task,
      SignOffs recorded) {
    String comment = null;
    for (SignOff given : recorded.currentApprovals()) {
      if (given.userId().equals(userId) && given.organisation().equals(organisation)) {
        comment = given.comment();
      }
    }
    return new SignOff(organisation, userId, users.nameOf(userId), true, comment,
        task.getEndTime().toInstant().atOffset(ZoneOffset.UTC).toString());
  }
}
