package org.eie.workflows.appeal;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION_REVIEW;
import static org.eie.workflows.appeal.AppealVariables.SIGNED_OFF;
import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.AuthorizationException;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.EngineRecord;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Four-eyes sign-off by both co-lead organisations: the UNICEF sign-off needs a member of
 * {@code org-unicef}, the Save the Children one a member of {@code org-save-the-children}, and
 * nobody signs twice in the same round (a person in both organisations cannot approve alone).
 * Either may send the appeal back to consolidation with a comment; the next round starts afresh.
 */
@Component
public class RecordSignOff extends TaskCompletion implements TaskListener {

  static final String UNICEF = "UNICEF";
  static final String SAVE_THE_CHILDREN = "SAVE_THE_CHILDREN";
  /** Not a sign-off of its own: the HC's send-back, which restarts the round like one. */
  static final String HUMANITARIAN_COORDINATOR = "HUMANITARIAN_COORDINATOR";
  static final Map<String, String> ORGANISATION_OF_TASK = Map.of(
      "Task_SignOffUnicef", UNICEF, "Task_SignOffSaveTheChildren", SAVE_THE_CHILDREN);
  static final Map<String, String> GROUP_OF_ORGANISATION = Map.of(
      UNICEF, Groups.UNICEF, SAVE_THE_CHILDREN, Groups.SAVE_THE_CHILDREN);
  private static final Map<String, String> ORGANISATION_NAMES = Map.of(
      UNICEF, "UNICEF", SAVE_THE_CHILDREN, "Save the Children",
      HUMANITARIAN_COORDINATOR, "The Humanitarian Coordinator's office");
  static final Set<String> DECISIONS = Set.of("APPROVE", "SEND_BACK");
  static final List<String> FORM_FIELDS = List.of("signOffDecision", "signOffComment",
      "appealSummary", "signOffFor");

  private final CurrentUser user;
  private final EngineRecord record;
  private final EieProperties properties;

  RecordSignOff(CurrentUser user, EngineRecord record, EieProperties properties) {
    this.user = user;
    this.record = record;
    this.properties = properties;
  }

  /** An organisation's name as people write it ("Save the Children"), for its code. */
  public static String organisationName(String organisation) {
    return ORGANISATION_NAMES.getOrDefault(organisation, organisation);
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      requireMayHold(task);
      return;
    }
    task.getExecution().setVariableLocal("appealSummary",
        ConsolidationText.of(JsonVariables.read(task, CONSOLIDATION, Consolidation.class),
            JsonVariables.read(task, CONSOLIDATION_REVIEW, ConsolidationReview.class)));
    // The form says, before anyone claims, whose sign-off this is (Tasklist shows every
    // co-lead of the country the task, as the engine has no "member of both groups" offer).
    String country = (String) task.getVariable(AppealVariables.COUNTRY);
    task.getExecution().setVariableLocal("signOffFor", whoSigns(
        ORGANISATION_OF_TASK.get(task.getTaskDefinitionKey()),
        properties.countries().getOrDefault(country, country), signOffsOf(task)));
  }

  /** The line the sign-off form opens with: who may take this task. */
  static String whoSigns(String organisation, String countryName, SignOffs signOffs) {
    String line = "For the " + organisationName(organisation) + " co-lead of " + countryName
        + ": only a co-lead of " + countryName + " in " + organisationName(organisation)
        + " may claim and sign it.";
    List<String> signed = signOffs.currentApprovals().stream().map(SignOff::userName).toList();
    return signed.isEmpty() ? line
        : line + " Not " + String.join(" or ", signed) + ", who signed for the other"
            + " organisation: four eyes.";
  }

  /**
   * Four eyes at the claim: an organisation's sign-off is held (claimed, or assigned by anyone)
   * only by someone who may give it ({@link #refusal}), so the wrong person never holds it. The
   * engine then refuses the claim (403) and the task stays with its candidates.
   */
  private void requireMayHold(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return; // given back
    }
    String refused = refusal(assignee, record.groupsOf(assignee),
        ORGANISATION_OF_TASK.get(task.getTaskDefinitionKey()),
        (String) task.getVariable(AppealVariables.COUNTRY), signOffsOf(task));
    if (refused != null) {
      // Worded as forms/problems.properties has it, so each reader gets it in their language.
      throw new AuthorizationException(assignee + " may not hold this sign-off: " + refused);
    }
  }

  /**
   * Why this person may not give this organisation's sign-off, or null if they may: it is given
   * by a co-lead of the appeal's country in the organisation, who has not approved this round
   * for the other organisation. The one rule for holding the task and for completing it.
   */
  static String refusal(String userId, List<String> groups, String organisation, String country,
      SignOffs signOffs) {
    String group = GROUP_OF_ORGANISATION.get(organisation);
    if (!groups.contains(group) || !groups.contains(Groups.coLeadsOf(country))) {
      return "only a " + organisationName(organisation) + " co-lead of " + country
          + " (a member of " + Groups.coLeadsOf(country) + " and " + group + ") may hold or give"
          + " the " + organisationName(organisation) + " sign-off; " + userId + " is not one";
    }
    if (signOffs.currentApprovals().stream().anyMatch(s -> s.userId().equals(userId))) {
      return userId + " has already signed this appeal off for the other organisation: four"
          + " eyes need a second person";
    }
    return null;
  }

  private static SignOffs signOffsOf(VariableScope scope) {
    SignOffs signOffs = JsonVariables.read(scope, SIGN_OFFS, SignOffs.class);
    return signOffs == null ? SignOffs.NONE : signOffs;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String organisation = ORGANISATION_OF_TASK.get(execution.getCurrentActivityId());
    String userId = user.recordedId();
    SignOffs signOffs = signOffsOf(execution);
    String refused = refusal(userId, user.groups(), organisation,
        (String) execution.getVariable(AppealVariables.COUNTRY), signOffs);
    if (refused != null) {
      throw new InvalidInput("signOffDecision", refused);
    }
    var form = new FormReader(submittedForm(execution));
    String decision = form.text("signOffDecision", true);
    if (decision != null && !DECISIONS.contains(decision)) {
      form.error("signOffDecision", "is one of " + DECISIONS);
    }
    boolean approved = "APPROVE".equals(decision);
    String comment = form.text("signOffComment", !approved);
    form.throwIfInvalid();
    SignOff signOff = new SignOff(organisation, userId, user.nameOf(userId), approved, comment,
        AppealInputs.now().toString());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(SIGN_OFFS, json(signOffs.with(signOff)));
    OverdueFollowUp.signOffChanged(execution, signOffs.with(signOff));
    execution.setVariable(SIGNED_OFF, approved);
  }
}
