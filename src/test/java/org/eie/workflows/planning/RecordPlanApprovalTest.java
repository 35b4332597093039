package org.eie.workflows.planning;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.planning.PlanModel.Approval;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The plans' approvals: the Steering Group decides on INEE's plan; the Cluster's plan needs both
 * global co-lead organisations in the same round, each deciding only for its own; a rejection
 * needs its reason and returns that plan to drafting with it.
 */
@Tag("fast")
class RecordPlanApprovalTest {

  static final String[] STEERING_GROUP = {Groups.STEERING_GROUP};
  static final String[] GLOBAL_UNICEF = {Groups.GLOBAL_CO_LEADS, Groups.UNICEF};
  static final String[] GLOBAL_SAVE_THE_CHILDREN = {Groups.GLOBAL_CO_LEADS,
      Groups.SAVE_THE_CHILDREN};
  static String inee;
  static String clusterUnicef;
  static String clusterSaveTheChildren;

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    var recorder = new RecordPlanApproval(InMemoryEngine.currentUser());
    inee = PlanningStep.deploy("recordPlanApproval", recorder, "Task_ApproveIneePlan");
    clusterUnicef = PlanningStep.deploy("recordPlanApproval", recorder,
        "Task_ApproveClusterPlanUnicef");
    clusterSaveTheChildren = PlanningStep.deploy("recordPlanApproval", recorder,
        "Task_ApproveClusterPlanSaveTheChildren");
  }

  static ProcessInstance round(String key, Approvals before) {
    return start(key, Map.of("approvalRound", 2, "approvals", JsonVariables.json(before)));
  }

  static Approvals approvals(ProcessInstance cycle) {
    return (Approvals) recorded(cycle, "approvals");
  }

  static final Approvals NONE = new Approvals(List.of());

  @Test
  void theSteeringGroupApprovesIneesPlan() {
    ProcessInstance cycle = round(inee, NONE);

    PlanningStep.complete(cycle, Map.of("approvalDecision", "approve"), "sg.chair",
        STEERING_GROUP);

    assertThat(recorded(cycle, "ineeApproved")).isEqualTo(true);
    assertThat(approvals(cycle).decisions()).singleElement().satisfies(approval -> {
      assertThat(approval.round()).isEqualTo(2);
      assertThat(approval.organisation()).isEqualTo("INEE Steering Group");
      assertThat(approval.userId()).isEqualTo("sg.chair");
    });
  }

  @Test
  void aRejectionReturnsThePlanToDraftingWithItsReason() {
    ProcessInstance cycle = round(inee, NONE);

    PlanningStep.complete(cycle, Map.of("approvalDecision", "reject", "approvalReason",
        "Too many priorities"), "sg.chair", STEERING_GROUP);

    assertThat(recorded(cycle, "ineeApproved")).isEqualTo(false);
    assertThat(recorded(cycle, "redraftInee")).isEqualTo(true);
    assertThat(recorded(cycle, "ineeReturnReason"))
        .isEqualTo("Rejected by INEE Steering Group: Too many priorities");
  }

  @Test
  void aRejectionWithoutItsReasonIsRefused() {
    ProcessInstance cycle = round(inee, NONE);

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("approvalDecision", "reject"), "sg.chair", STEERING_GROUP)).field())
        .isEqualTo("approvalReason");
    assertThat(approvals(cycle).decisions()).isEmpty();
  }

  @Test
  void aUnicefGlobalCoLeadCannotDecideForSaveTheChildren() {
    ProcessInstance cycle = round(clusterSaveTheChildren, NONE);

    assertThatThrownBy(() -> PlanningStep.complete(cycle, Map.of("approvalDecision", "approve"),
        "gec.unicef", GLOBAL_UNICEF))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("cannot decide for Save the Children");
    assertThat(task(cycle)).isNotNull();
    assertThat(approvals(cycle).decisions()).isEmpty();
  }

  @Test
  void theClustersPlanIsApprovedOnlyOnceBothOrganisationsApprovedInTheRound() {
    ProcessInstance first = round(clusterUnicef, NONE);
    PlanningStep.complete(first, Map.of("approvalDecision", "approve"), "gec.unicef",
        GLOBAL_UNICEF);
    assertThat(recorded(first, "clusterApproved")).isEqualTo(false);

    ProcessInstance second = round(clusterSaveTheChildren, approvals(first));
    PlanningStep.complete(second, Map.of("approvalDecision", "approve"), "gec.stc",
        GLOBAL_SAVE_THE_CHILDREN);

    assertThat(recorded(second, "clusterApproved")).isEqualTo(true);
    assertThat(approvals(second).decisions()).extracting(Approval::organisation)
        .containsExactly("UNICEF", "Save the Children");
  }

  @Test
  void anApprovalOfAnEarlierRoundDoesNotCount() {
    Approvals earlier = NONE.with(new Approval(1, PlanModel.StrategicPlan.CLUSTER, "UNICEF",
        "gec.unicef", "gec.unicef", true, null, "2026-10-01T00:00:00Z"));
    ProcessInstance cycle = round(clusterSaveTheChildren, earlier);

    PlanningStep.complete(cycle, Map.of("approvalDecision", "approve"), "gec.stc",
        GLOBAL_SAVE_THE_CHILDREN);

    assertThat(recorded(cycle, "clusterApproved")).isEqualTo(false);
  }

  @Test
  void oneOrganisationsRejectionSendsTheClustersPlanBack() {
    ProcessInstance cycle = round(clusterSaveTheChildren, NONE);

    PlanningStep.complete(cycle, Map.of("approvalDecision", "reject", "approvalReason",
        "No indicator for priority C2"), "gec.stc", GLOBAL_SAVE_THE_CHILDREN);

    assertThat(recorded(cycle, "clusterApproved")).isEqualTo(false);
    assertThat(recorded(cycle, "redraftCluster")).isEqualTo(true);
    assertThat(recorded(cycle, "clusterReturnReason"))
        .isEqualTo("Rejected by Save the Children: No indicator for priority C2");
  }

  @Test
  void aDecisionThatIsNeitherApproveNorRejectIsRefused() {
    ProcessInstance cycle = round(inee, NONE);

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("approvalDecision", "later"), "sg.chair", STEERING_GROUP)).field())
        .isEqualTo("approvalDecision");
  }
}
