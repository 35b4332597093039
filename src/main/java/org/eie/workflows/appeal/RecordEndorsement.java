package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION_REVIEW;
import static org.eie.workflows.appeal.AppealVariables.ENDORSED;
import static org.eie.workflows.appeal.AppealVariables.ENDORSEMENT;
import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The Humanitarian Coordinator's endorsement of the appeal both co-leads signed off: endorse
 * (the appeal is published) or send back with a reason (the co-leads review it, with the reason
 * before them, and sign off again). Only the HC's office of the appeal's country
 * ({@code hc-XX}) gives it; the engine offers the task to that group alone.
 */
@Component
class RecordEndorsement extends TaskCompletion implements TaskListener {

  static final Set<String> DECISIONS = Set.of(Endorsement.ENDORSE, Endorsement.SEND_BACK);
  static final List<String> FORM_FIELDS = List.of("endorsementDecision", "endorsementReason",
      "appealSummary", "signedOffBy");

  private final CurrentUser user;
  private final EieProperties properties;

  RecordEndorsement(CurrentUser user, EieProperties properties) {
    this.user = user;
    this.properties = properties;
  }

  /** The task opens with what the HC endorses: the figures and who signed them off. */
  @Override
  public void notify(DelegateTask task) {
    var scope = task.getExecution();
    scope.setVariableLocal("appealSummary",
        ConsolidationText.of(JsonVariables.read(task, CONSOLIDATION, Consolidation.class),
            JsonVariables.read(task, CONSOLIDATION_REVIEW, ConsolidationReview.class)));
    String country = (String) task.getVariable(AppealVariables.COUNTRY);
    SignOffs signOffs = JsonVariables.read(task, SIGN_OFFS, SignOffs.class);
    scope.setVariableLocal("signedOffBy", signedOffBy(
        properties.countries().getOrDefault(country, country),
        signOffs == null ? SignOffs.NONE : signOffs));
  }

  /** The line the endorsement form opens with. */
  static String signedOffBy(String countryName, SignOffs signOffs) {
    String signers = signOffs.currentApprovals().stream()
        .map(s -> "for " + RecordSignOff.organisationName(s.organisation()) + " by " + s.userName())
        .collect(Collectors.joining(" and "));
    return "For the Humanitarian Coordinator's office of " + countryName + ". Signed off "
        + (signers.isEmpty() ? "by the co-leads" : signers) + ".";
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String country = (String) execution.getVariable(AppealVariables.COUNTRY);
    String userId = user.recordedId();
    if (!user.groups().contains(Groups.humanitarianCoordinatorOf(country))) {
      throw new AuthorizationException(userId + " may not endorse this appeal: only the"
          + " Humanitarian Coordinator's office of " + country + " ("
          + Groups.humanitarianCoordinatorOf(country) + ") may");
    }
    var form = new FormReader(submittedForm(execution));
    String decision = form.text("endorsementDecision", true);
    if (decision != null && !DECISIONS.contains(decision)) {
      form.error("endorsementDecision", "is one of " + DECISIONS);
    }
    boolean endorsed = Endorsement.ENDORSE.equals(decision);
    String reason = form.text("endorsementReason", false);
    if (Endorsement.SEND_BACK.equals(decision) && reason == null
        && form.errors().stream().noneMatch(e -> "endorsementReason".equals(e.field()))) {
      form.error("endorsementReason", "is required when sending the appeal back: the co-leads"
          + " read it before they revise and sign off again");
    }
    form.throwIfInvalid();
    String at = AppealInputs.now().toString();
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(ENDORSEMENT, json(new Endorsement(decision, endorsed ? null : reason,
        userId, user.nameOf(userId), at)));
    if (!endorsed) {
      // Sent back, the four-eyes sign-off starts again from the beginning, as after a co-lead's
      // send-back: both co-leads sign the revised appeal, and the review shows the HC's reason.
      SignOffs signOffs = JsonVariables.read(execution, SIGN_OFFS, SignOffs.class);
      SignOffs restarted = (signOffs == null ? SignOffs.NONE : signOffs).with(new SignOff(
          RecordSignOff.HUMANITARIAN_COORDINATOR, userId, user.nameOf(userId), false, reason, at));
      execution.setVariable(SIGN_OFFS, json(restarted));
      OverdueFollowUp.signOffChanged(execution, restarted);
    }
    execution.setVariable(ENDORSED, endorsed);
  }
}
