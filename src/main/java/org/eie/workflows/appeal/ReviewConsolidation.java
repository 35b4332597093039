package org.eie.workflows.appeal;

import org.eie.workflows.forms.FormReader;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION_REVIEW;
import static org.eie.workflows.appeal.AppealVariables.PLAN_AMENDED;
import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The co-leads look at what consolidation reported (or why a sign-off or the Humanitarian
 * Coordinator's endorsement sent it back), and either
 * amend the response plan's priority activities, which consolidates again, or confirm the figures
 * with a comment that stays in the record.
 */
@Component
class ReviewConsolidation extends TaskCompletion implements TaskListener {

  static final Set<String> DECISIONS = Set.of("AMEND_PLAN", "CONFIRM");
  static final List<String> FORM_FIELDS = List.of("consolidationDecision", "reviewComment",
      "priorityActivities", "consolidationReport", "sentBackComment");

  private final AppealInputs inputs;
  private final CurrentUser user;

  ReviewConsolidation(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    PlannedResponse plan = JsonVariables.read(task, RESPONSE_PLAN, PlannedResponse.class);
    var scope = task.getExecution();
    scope.setVariableLocal("consolidationReport",
        ConsolidationText.of(JsonVariables.read(task, CONSOLIDATION, Consolidation.class)));
    SignOffs signOffs = JsonVariables.read(task, SIGN_OFFS, SignOffs.class);
    if (signOffs != null && !signOffs.decisions().isEmpty()
        && !signOffs.decisions().get(signOffs.decisions().size() - 1).approved()) {
      SignOff back = signOffs.decisions().get(signOffs.decisions().size() - 1);
      scope.setVariableLocal("sentBackComment", RecordSignOff.organisationName(
          back.organisation()) + " (" + back.userName()
          + ") sent the appeal back: " + back.comment());
    }
    scope.setVariableLocal("priorityActivities",
        JsonVariables.forForm(plan.priorityActivities()));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PlannedResponse plan = JsonVariables.read(execution, RESPONSE_PLAN, PlannedResponse.class);
    var form = new FormReader(submittedForm(execution));
    String decision = form.text("consolidationDecision", true);
    if (decision != null && !DECISIONS.contains(decision)) {
      form.error("consolidationDecision", "is one of " + DECISIONS);
    }
    String comment = form.text("reviewComment", true);
    form.throwIfInvalid();
    boolean amend = "AMEND_PLAN".equals(decision);
    if (amend) {
      List<String> activities = inputs.amendedActivities(submittedForm(execution));
      execution.setVariable(RESPONSE_PLAN, json(plan.withPriorityActivities(activities)));
    }
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(CONSOLIDATION_REVIEW,
        json(new ConsolidationReview(decision, comment, user.recordedId(), AppealInputs.now().toString())));
    execution.setVariable(PLAN_AMENDED, amend);
  }
}
