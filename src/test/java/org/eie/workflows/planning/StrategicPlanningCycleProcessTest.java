package org.eie.workflows.planning;

import org.eie.workflows.variables.JsonVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.StateConflict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A strategic planning cycle (bpmn/planning/strategicPlanningCycle.bpmn) up to the launch, on
 * the in-memory engine without Spring, with its real listeners: one cycle per three years; the
 * review of the previous cycle sets when the consultation closes, and the cycle waits for the end
 * of that day; both plans are drafted by their own groups; the alignment review sends aligned
 * plans to member feedback and a gap to the co-leads' decision; a rejected plan alone goes back
 * to drafting; the launch goes ahead only if the engine's record shows every approval, whatever
 * the approvals variable says. The translations, the implementation years and the plan document
 * (rendered and stored by the application) run in StrategicPlanningCycleTest with the whole
 * application. Each test plans its own years, as a second cycle for the same years is refused.
 */
@Tag("fast")
class StrategicPlanningCycleProcessTest {

  static ProcessEngine engine;

  @BeforeAll
  static void deploy() {
    engine = InMemoryEngine.engine();
    InMemoryEngine.with(Map.of(
        "prepareCycle", new PrepareCycle(engine.getHistoryService(), engine.getRuntimeService()),
        "recordCycleReview", new RecordCycleReview(),
        "recordConsultation", new RecordConsultation(),
        "recordPlanDraft", new RecordPlanDraft(),
        "prepareAlignmentReview", new PrepareAlignmentReview(),
        "recordAlignment", new RecordAlignment(),
        "resolveUnmatched", new ResolveUnmatched(),
        "recordFeedback", new RecordFeedback()));
    var user = InMemoryEngine.currentUser();
    InMemoryEngine.with(Map.of(
        "recheckAlignment", new RecheckAlignment(),
        "openApprovalRound", new OpenApprovalRound(),
        "recordPlanApproval", new RecordPlanApproval(user),
        "recordLaunch", new RecordLaunch(user),
        "planApprovalCheck", new PlanApprovalCheck(InMemoryEngine.engineRecord())));
    InMemoryEngine.user("sg.chair", "Ana", "Silva", "inee-steering-group");
    InMemoryEngine.user("gec.unicef", "Layla", "Haddad", RecordPlanApprovalTest.GLOBAL_UNICEF);
    InMemoryEngine.user("gec.stc", "Karim", "Nassar",
        RecordPlanApprovalTest.GLOBAL_SAVE_THE_CHILDREN);
    InMemoryEngine.deploy("bpmn/planning/strategicPlanningCycle.bpmn");
    BpmnAwareTests.init(engine);
  }

  /** The application's tests that follow in this JVM assert on their own engine. */
  @AfterAll
  static void forgetTheEngine() {
    BpmnAwareTests.reset();
  }

  @BeforeEach
  void inMarch() {
    at("2026-03-10T15:00:00Z");
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  static ProcessInstance start(int firstYear) {
    return InMemoryEngine.start("strategicPlanningCycle", Map.of("firstYear", firstYear));
  }

  static void complete(ProcessInstance cycle, String taskKey, Map<String, Object> form) {
    engine.getTaskService().complete(BpmnAwareTests.task(taskKey, cycle).getId(), form);
  }

  static void runDueTimers(ProcessInstance cycle) {
    engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  static void toDrafting(ProcessInstance cycle) {
    complete(cycle, "Task_ReviewPreviousCycle", Map.of("previousCycleReview",
        "Most targets met", "consultationClosesOn", "2026-04-30"));
    at("2026-05-01T00:00:00Z");
    runDueTimers(cycle);
    complete(cycle, "Task_SummariseConsultation",
        Map.of("consultationSummary", "Members ask for stronger data"));
  }

  static void draftBoth(ProcessInstance cycle) {
    complete(cycle, "Task_DraftIneePlan", Map.of("ineePlanText",
        StrategicPlanningCycleTest.INEE_PLAN, "ineeCrossCuttingText",
        StrategicPlanningCycleTest.CROSS_CUTTING));
    complete(cycle, "Task_DraftClusterPlan",
        Map.of("clusterPlanText", StrategicPlanningCycleTest.CLUSTER_PLAN));
  }

  static void toApproval(ProcessInstance cycle) {
    toDrafting(cycle);
    draftBoth(cycle);
    complete(cycle, "Task_ReviewAlignment",
        Map.of("alignmentText", StrategicPlanningCycleTest.ALIGNED));
    complete(cycle, "Task_GatherMemberFeedback", Map.of("memberFeedback", "Welcome"));
    complete(cycle, "Task_ReviseIneePlan", Map.of("ineePlanText",
        StrategicPlanningCycleTest.INEE_PLAN, "ineeCrossCuttingText",
        StrategicPlanningCycleTest.CROSS_CUTTING));
    complete(cycle, "Task_ReviseClusterPlan",
        Map.of("clusterPlanText", StrategicPlanningCycleTest.CLUSTER_PLAN));
  }

  static void decide(ProcessInstance cycle, String taskKey, String decision, String userId,
      String... groups) {
    Map<String, Object> form = "reject".equals(decision)
        ? Map.of("approvalDecision", decision, "approvalReason", "Priority 3 lacks a baseline")
        : Map.of("approvalDecision", decision);
    InMemoryEngine.asUser(userId, groups, () -> complete(cycle, taskKey, form));
  }

  /** The Steering Group decides on INEE's plan, both global co-leads approve the Cluster's. */
  static void decideAll(ProcessInstance cycle, String ineeDecision) {
    decide(cycle, "Task_ApproveIneePlan", ineeDecision, "sg.chair",
        RecordPlanApprovalTest.STEERING_GROUP);
    decide(cycle, "Task_ApproveClusterPlanUnicef", "approve", "gec.unicef",
        RecordPlanApprovalTest.GLOBAL_UNICEF);
    decide(cycle, "Task_ApproveClusterPlanSaveTheChildren", "approve", "gec.stc",
        RecordPlanApprovalTest.GLOBAL_SAVE_THE_CHILDREN);
  }

  static void launch(ProcessInstance cycle) {
    InMemoryEngine.asUser("gec.unicef", RecordPlanApprovalTest.GLOBAL_UNICEF,
        () -> complete(cycle, "Task_LaunchPlans",
            Map.of("publicationLink", "https://inee.org/strategic-plan")));
  }

  @Test
  void aCycleOpensWithTheReviewOfThePreviousOneForItsThreeYears() {
    ProcessInstance cycle = start(2027);

    assertThat(cycle).isWaitingAt("Task_ReviewPreviousCycle").hasBusinessKey(
        PlanningCycles.businessKey(2027));
    Assertions.assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "cycleLabel"))
        .isEqualTo("2027-2029");
  }

  @Test
  void aSecondCycleForTheSameYearsIsRefused() {
    start(2028);

    Assertions.assertThatThrownBy(() -> start(2028))
        .isInstanceOfSatisfying(StateConflict.class, refused -> Assertions
            .assertThat(refused.getMessage()).contains("2028-2030 is already running"));
  }

  @Test
  void theConsultationStaysOpenToTheEndOfItsLastDayThenBothPlansAreDrafted() {
    ProcessInstance cycle = start(2029);
    complete(cycle, "Task_ReviewPreviousCycle", Map.of("previousCycleReview",
        "Most targets met", "consultationClosesOn", "2026-04-30"));

    at("2026-04-30T23:59:00Z");
    runDueTimers(cycle);
    assertThat(cycle).isWaitingAt("Event_ConsultationCloses");
    at("2026-05-01T00:00:00Z");
    runDueTimers(cycle);
    assertThat(cycle).isWaitingAt("Task_SummariseConsultation");

    complete(cycle, "Task_SummariseConsultation",
        Map.of("consultationSummary", "Members ask for stronger data"));
    assertThat(cycle).isWaitingAt("Task_DraftIneePlan", "Task_DraftClusterPlan");
    assertThat(BpmnAwareTests.task("Task_DraftIneePlan", cycle))
        .hasCandidateGroup("inee-secretariat");
  }

  @Test
  void alignedPlansGoToMemberFeedback() {
    ProcessInstance cycle = start(2030);
    toDrafting(cycle);
    draftBoth(cycle);
    assertThat(cycle).isWaitingAt("Task_ReviewAlignment");

    complete(cycle, "Task_ReviewAlignment",
        Map.of("alignmentText", StrategicPlanningCycleTest.ALIGNED));

    assertThat(cycle).isWaitingAt("Task_GatherMemberFeedback");
    Assertions.assertThat(engine.getRuntimeService().getVariable(cycle.getId(),
        "unmatchedCount")).isEqualTo(0);
  }

  @Test
  void aPriorityLeftWithoutCounterpartGoesToTheCoLeadsDecision() {
    ProcessInstance cycle = start(2031);
    toDrafting(cycle);
    draftBoth(cycle);

    complete(cycle, "Task_ReviewAlignment", Map.of("alignmentText", "I1 = C1\nI2 = C1"));

    assertThat(cycle).isWaitingAt("Task_ResolveUnmatched").hasNotPassed(
        "Task_GatherMemberFeedback");
    Assertions.assertThat((Integer) engine.getRuntimeService().getVariable(cycle.getId(),
        "unmatchedCount")).isPositive();
  }

  @Test
  void revisedPlansGoToTheSteeringGroupAndBothGlobalCoLeads() {
    ProcessInstance cycle = start(2032);

    toApproval(cycle);

    assertThat(cycle).hasPassed("Task_RecheckAlignment").isWaitingAt("Task_ApproveIneePlan",
        "Task_ApproveClusterPlanUnicef", "Task_ApproveClusterPlanSaveTheChildren");
    assertThat(BpmnAwareTests.task("Task_ApproveIneePlan", cycle))
        .hasCandidateGroup("inee-steering-group");
  }

  @Test
  void aRejectedPlanAloneGoesBackToDrafting() {
    ProcessInstance cycle = start(2033);
    toApproval(cycle);

    decideAll(cycle, "reject");

    assertThat(cycle).isWaitingAt("Task_DraftIneePlan").isNotWaitingAt("Task_DraftClusterPlan",
        "Task_LaunchPlans");
  }

  @Test
  void approvedPlansAreLaunchedWhenTheRecordShowsEveryApproval() {
    ProcessInstance cycle = start(2034);
    toApproval(cycle);
    decideAll(cycle, "approve");
    assertThat(cycle).isWaitingAt("Task_LaunchPlans");

    launch(cycle);

    assertThat(cycle).hasPassed("Task_LaunchPlans").isWaitingAt("Task_TranslatePlans");
  }

  @Test
  void aLaunchIsRefusedWhenTheApprovalsVariableNoLongerMatchesTheRecord() {
    ProcessInstance cycle = start(2035);
    toApproval(cycle);
    decideAll(cycle, "approve");
    // What a REST client with write access to variables could do: drop a decision.
    var approvals = (PlanModel.Approvals) engine.getRuntimeService()
        .getVariable(cycle.getId(), "approvals");
    engine.getRuntimeService().setVariable(cycle.getId(), "approvals", JsonVariables.json(
        new PlanModel.Approvals(approvals.decisions().subList(1, 3))));

    Assertions.assertThatThrownBy(() -> launch(cycle))
        .hasMessageContaining("is not an approval");
    assertThat(cycle).isWaitingAt("Task_LaunchPlans");
  }
}
