package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.planning.PlanModel.Approval;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * An approval decision, recorded with who and when. The Steering Group decides on INEE's plan;
 * the Cluster's plan needs both global co-lead organisations, so each of its two tasks may only
 * be completed by a global co-lead of that organisation (a UNICEF user of the GEC Unit cannot
 * sign for Save the Children). A rejection needs a reason and returns only that plan to drafting.
 */
@Component
class RecordPlanApproval extends PlanningRecorder {

  /** Who decides in each approval task. */
  record Approver(String plan, String organisation, List<String> requiredGroups) {
  }

  static Approver approverOf(String taskKey) {
    return switch (taskKey) {
      case "Task_ApproveIneePlan" -> new Approver(StrategicPlan.INEE, "INEE Steering Group",
          List.of(Groups.STEERING_GROUP));
      case "Task_ApproveClusterPlanUnicef" -> new Approver(StrategicPlan.CLUSTER, "UNICEF",
          List.of(Groups.GLOBAL_CO_LEADS, Groups.UNICEF));
      case "Task_ApproveClusterPlanSaveTheChildren" -> new Approver(StrategicPlan.CLUSTER,
          "Save the Children", List.of(Groups.GLOBAL_CO_LEADS, Groups.SAVE_THE_CHILDREN));
      default -> throw new IllegalStateException("Not an approval task: " + taskKey);
    };
  }

  private final CurrentUser user;

  RecordPlanApproval(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Approver approver = approverOf(execution.getCurrentActivityId());
    String userId = user.id().orElseThrow(() -> new AuthorizationException(
        "An approval must be given by a signed-in " + approver.organisation() + " user"));
    if (!user.groups().containsAll(approver.requiredGroups())) {
      throw new AuthorizationException("User '" + userId + "' cannot decide for "
          + approver.organisation() + ": this needs membership of "
          + String.join(" and ", approver.requiredGroups()));
    }
    Object decision = execution.getVariable("approvalDecision");
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      throw new InvalidInput("approvalDecision", "choose 'approve' or 'reject'");
    }
    boolean approved = "approve".equals(decision);
    var form = new FormReader(submittedForm(execution));
    String reason = form.text("approvalReason", false);
    form.throwIfInvalid();
    if (!approved && reason == null) {
      throw new InvalidInput("approvalReason", "a rejection needs the reason, which the drafters will see");
    }
    int round = ((Number) execution.getVariable("approvalRound")).intValue();
    Approvals approvals = JsonVariables.read(execution, CycleVariables.APPROVALS, Approvals.class)
        .with(new Approval(round, approver.plan(), approver.organisation(),
            userId, user.nameOf(userId), approved,
            reason, CycleVariables.now()));
    execution.setVariable(CycleVariables.APPROVALS, JsonVariables.json(approvals));
    CycleVariables.forget(execution, "approvalDecision", "approvalReason");

    if (StrategicPlan.INEE.equals(approver.plan())) {
      execution.setVariable("ineeApproved", approved);
      if (!approved) {
        execution.setVariable("redraftInee", true);
        execution.setVariable("ineeReturnReason",
            CycleVariables.message("return.rejected", approver.organisation(), reason));
      }
      return;
    }
    List<Approval> thisRound = approvals.decisions().stream()
        .filter(a -> a.round() == round && StrategicPlan.CLUSTER.equals(a.plan())).toList();
    List<Approval> rejections = thisRound.stream().filter(a -> !a.approved()).toList();
    if (!rejections.isEmpty()) {
      execution.setVariable("clusterApproved", false);
      execution.setVariable("redraftCluster", true);
      execution.setVariable("clusterReturnReason", rejections.stream()
          .map(a -> CycleVariables.message("return.rejected", a.organisation(), a.reason()))
          .collect(Collectors.joining("\n")));
    } else {
      execution.setVariable("clusterApproved", thisRound.stream().map(Approval::organisation)
          .distinct().count() == 2);
    }
  }
}
