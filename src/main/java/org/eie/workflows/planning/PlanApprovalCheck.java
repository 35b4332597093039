package org.eie.workflows.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.EngineRecord;
import org.eie.workflows.planning.PlanModel.Approval;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Verifies, as both plans are launched (the end of "Launch both plans": the approvals were
 * committed by then) and again before the plan document is compiled, that
 * each plan's current approvals are on the engine's record: INEE's plan approved by a member of
 * the Steering Group, the Cluster's plan by two different global co-leads, one of UNICEF and one
 * of Save the Children, each after that plan was last drafted. Who completed each approval task
 * comes from the engine's operation log and the identity store, never from a variable; the
 * {@code approvals} variable only says what each of them decided. If it does not hold, the step
 * fails and says why (an incident for the document job).
 */
@Component
class PlanApprovalCheck implements ExecutionListener {

  /** Drafting a plan starts its approvals afresh. */
  static final Map<String, String> PLAN_OF_DRAFT = Map.of(
      "Task_DraftIneePlan", StrategicPlan.INEE, "Task_DraftClusterPlan", StrategicPlan.CLUSTER);

  private final EngineRecord record;

  PlanApprovalCheck(EngineRecord record) {
    this.record = record;
  }

  static class ApprovalNotOnRecord extends ProcessEngineException {
    ApprovalNotOnRecord(String cycleId, String why) {
      super("Strategic planning cycle " + cycleId + ": " + why);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (TaskCompletion.cancelled(execution)) {
      return; // the cycle is being cancelled, nothing is launched
    }
    verify(execution.getProcessInstanceId(),
        JsonVariables.read(execution, CycleVariables.APPROVALS, Approvals.class));
  }

  void verify(String cycleId, Approvals decisions) {
    // The latest completed approval task per approval role, forgotten when its plan is redrafted.
    Map<String, String> latestTask = new HashMap<>();
    for (HistoricActivityInstance step : record.stepsInOrder(cycleId)) {
      String plan = PLAN_OF_DRAFT.get(step.getActivityId());
      if (plan != null) {
        latestTask.keySet().removeIf(task ->
            RecordPlanApproval.approverOf(task).plan().equals(plan));
      } else if (isApproval(step.getActivityId()) && step.getTaskId() != null
          && record.completedTask(step.getTaskId()).isPresent()) {
        latestTask.put(step.getActivityId(), step.getTaskId());
      }
    }
    Map<String, String> approverOfTask = new HashMap<>();
    for (String taskKey : List.of("Task_ApproveIneePlan", "Task_ApproveClusterPlanUnicef",
        "Task_ApproveClusterPlanSaveTheChildren")) {
      var approver = RecordPlanApproval.approverOf(taskKey);
      String taskId = latestTask.get(taskKey);
      if (taskId == null) {
        throw new ApprovalNotOnRecord(cycleId, "no " + approver.organisation() + " approval of"
            + " the " + approver.plan() + " plan since it was last drafted");
      }
      String userId = record.completedBy(taskId).orElseThrow(() -> new ApprovalNotOnRecord(
          cycleId, approver.organisation() + "'s approval was given without a signed-in user"));
      if (!record.groupsOf(userId).containsAll(approver.requiredGroups())) {
        throw new ApprovalNotOnRecord(cycleId, userId + " approved for "
            + approver.organisation() + " but is not a member of "
            + String.join(" and ", approver.requiredGroups()));
      }
      boolean approved = decisions != null && decisions.decisions().stream()
          .filter(a -> a.plan().equals(approver.plan())
              && a.organisation().equals(approver.organisation()) && a.userId().equals(userId))
          .reduce((first, second) -> second).map(Approval::approved).orElse(false);
      if (!approved) {
        throw new ApprovalNotOnRecord(cycleId, "the latest " + approver.organisation()
            + " decision on the " + approver.plan() + " plan, by " + userId
            + ", is not an approval");
      }
      approverOfTask.put(taskKey, userId);
    }
    if (approverOfTask.get("Task_ApproveClusterPlanUnicef")
        .equals(approverOfTask.get("Task_ApproveClusterPlanSaveTheChildren"))) {
      throw new ApprovalNotOnRecord(cycleId, "one person approved the Cluster's plan for both"
          + " organisations; it needs two");
    }
  }

  private static boolean isApproval(String activityId) {
    return activityId.startsWith("Task_Approve");
  }
}
