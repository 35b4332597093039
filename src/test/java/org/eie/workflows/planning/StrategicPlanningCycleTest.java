package org.eie.workflows.planning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.Processes;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Approval;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.variables.JsonVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scenarios of the three-year strategic planning cycle, walked as the demo users would walk them
 * in Tasklist (each task completed as a member of its candidate group), with the engine clock
 * moved to the consultation deadline, the six-monthly reviews and the year ends.
 */
class StrategicPlanningCycleTest extends PostgresApplicationTest {

  static final String INEE_PLAN = """
      Collective action for EiE advocacy | Education in every humanitarian response plan; Donors commit to EiE | Share of response plans with an education chapter; EiE share of humanitarian funding
      Minimum Standards in practice | Members apply the INEE Minimum Standards | Contextualisations of the Minimum Standards
      Data and evidence on EiE | Members use shared EiE evidence | Evidence products used by members""";
  static final String CROSS_CUTTING = "Gender equality\nInclusion and disability\nLocalisation";
  static final String CLUSTER_PLAN = """
      Coordinated country responses | Every activated cluster has a response strategy | Share of clusters with a strategy
      Coordination capacity | Trained cluster coordinators | Coordinators trained with the harmonised package""";
  static final String ALIGNED = "I1 = C1\nI2 = C1, C2\nI3 = C2";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DocumentStore documents;
  @LocalServerPort int port;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-15T09:00:00Z")));
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    for (String id : started) {
      runtime.createProcessInstanceQuery().variableValueEquals("previousCycleId", id).list()
          .forEach(next -> runtime.deleteProcessInstance(next.getId(), "test finished"));
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test finished");
      }
    }
  }

  // ---------------------------------------------------------------- scenarios

  @Test
  void wholeCycleRunsThreeYearsAndHandsItsEvaluationToTheNextCycle() throws Exception {
    ProcessInstance cycle = start(2027);
    assertThat(cycle).isWaitingAt("Task_ReviewPreviousCycle");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "previousEvaluationText"))
        .contains("first cycle");
    toDraftingWithConsultation(cycle);
    draftBoth(cycle, INEE_PLAN, CLUSTER_PLAN);
    reviewAlignment(cycle, ALIGNED);
    assertThat(cycle).isWaitingAt("Task_GatherMemberFeedback");
    gatherFeedbackAndRevise(cycle, INEE_PLAN, CLUSTER_PLAN);
    assertThat(cycle).isWaitingAt("Task_ApproveIneePlan", "Task_ApproveClusterPlanUnicef",
        "Task_ApproveClusterPlanSaveTheChildren");
    Assertions.assertThat(candidateGroups(cycle, "Task_ApproveIneePlan"))
        .containsExactly("inee-steering-group");
    approveAll(cycle);
    launchAndTranslate(cycle);

    // Three implementation years: 2027, 2028 (mid-term, every review overdue once), 2029.
    implementYear(cycle, 2027, false);
    implementYear(cycle, 2028, true);
    implementYear(cycle, 2029, false);

    assertThat(cycle).isWaitingAt("Task_EvaluateCycle");
    // Six six-monthly reviews, one mid-term review (at 18 months), three annual reports.
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId("Task_MidYearReview").count()).isEqualTo(3);
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId("Task_MidTermReview").count()).isEqualTo(1);
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId("Task_YearEndReview").count()).isEqualTo(3);
    Assertions.assertThat(((Implementation) runtime.getVariable(cycle.getId(), "implementation"))
        .reminders()).extracting(r -> r.year() + " " + r.review())
        .containsExactly("2028 Review progress at six months", "2028 Mid-term review of the plans",
            "2028 Review the year and write the annual progress report");
    completeAs("secretariat", cycle, "Task_EvaluateCycle", Map.of(
        "evaluationSummary", "Education chapters in 80% of response plans",
        "lessonsLearned", "Joint reviews kept the two plans aligned",
        "recommendations", "Keep one shared consultation for both plans"));
    assertThat(cycle).isWaitingAt("Task_CompilePlanDocument");
    runDueJobs(cycle);
    assertThat(cycle).hasPassed("Task_CompilePlanDocument", "Task_StartNextCycle")
        .isEnded();

    // The next cycle (2030-2032) starts on its own and its review sees this evaluation.
    ProcessInstance next = runtime.createProcessInstanceQuery()
        .variableValueEquals("previousCycleId", cycle.getId()).singleResult();
    Assertions.assertThat(next).isNotNull();
    Assertions.assertThat(next.getBusinessKey()).isEqualTo("strategic-plan-2030-2032");
    assertThat(next).isWaitingAt("Task_ReviewPreviousCycle");
    Evaluation carried = (Evaluation) runtime.getVariable(next.getId(), "previousEvaluation");
    Assertions.assertThat(carried.cycle()).isEqualTo("2027-2029");
    Assertions.assertThat(carried.userName()).contains("Sofia Marques");
    Assertions.assertThat((String) runtime.getVariable(next.getId(), "previousEvaluationText"))
        .contains("Evaluation of the 2027-2029 cycle")
        .contains("Education chapters in 80% of response plans")
        .contains("Keep one shared consultation for both plans");

    // The plan document: what a reader of the PDF sees.
    String text = pdfText(documents.latest(cycle.getId(), "plan").orElseThrow().content());
    Assertions.assertThat(text)
        .contains("Strategic plans 2027-2029")
        .contains("Collective action for EiE advocacy")
        .contains("Coordinated country responses")
        .contains("Gender equality")
        .contains("Alignment map")
        .contains("C1 Coordinated country responses")
        .contains("David Okello").contains("Amina Diallo").contains("Johan Berg")
        .contains("INEE Steering Group").contains("UNICEF").contains("Save the Children")
        .contains("Year 2027").contains("Year 2028").contains("Year 2029")
        .contains("Mid-term review (18 months)")
        .contains("Annual progress report")
        .contains("reminder sent on")
        .contains("Education chapters in 80% of response plans")
        .contains("Arabic").contains("Portuguese")
        .doesNotContain("??");

    // Who may download it.
    Http http = new Http(port);
    var asSecretariat = http.getBytes("/api/planning-cycles/" + cycle.getId() + "/document", "secretariat");
    Assertions.assertThat(asSecretariat.statusCode()).isEqualTo(200);
    Assertions.assertThat(asSecretariat.headers().firstValue("Content-Type")).hasValue("application/pdf");
    Assertions.assertThat(pdfText(asSecretariat.body())).contains("Strategic plans 2027-2029");
    Assertions.assertThat(http.getBytes("/api/planning-cycles/" + cycle.getId() + "/document",
        "steering").statusCode()).isEqualTo(200);
    Assertions.assertThat(http.getBytes("/api/planning-cycles/" + cycle.getId() + "/document",
        "facilitator.fr").statusCode()).isEqualTo(200);
    Assertions.assertThat(http.getBytes("/api/planning-cycles/" + cycle.getId() + "/document",
        "partner.lb").statusCode()).isEqualTo(404);
  }

  @Test
  void steeringGroupRejectionReturnsOnlyIneesPlanWithTheReason() {
    ProcessInstance cycle = toApproval(start(2027));
    decide("steering", cycle, "Task_ApproveIneePlan", "reject", "Priority 3 lacks a baseline");
    decide("gec.unicef", cycle, "Task_ApproveClusterPlanUnicef", "approve", null);
    decide("gec.savethechildren", cycle, "Task_ApproveClusterPlanSaveTheChildren", "approve", null);

    assertThat(cycle).isWaitingAt("Task_DraftIneePlan");
    assertThat(cycle).isNotWaitingAt("Task_DraftClusterPlan");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "ineeReturnReason"))
        .contains("INEE Steering Group").contains("Priority 3 lacks a baseline");
    Assertions.assertThat((Boolean) runtime.getVariable(cycle.getId(), "clusterApproved")).isTrue();

    completeAs("secretariat", cycle, "Task_DraftIneePlan", Map.of("ineePlanText",
        INEE_PLAN.replace("Evidence products used by members", "Evidence products used by members (baseline 2026)"),
        "ineeCrossCuttingText", CROSS_CUTTING));
    reviewAlignment(cycle, ALIGNED);
    // Feedback was gathered already; only INEE's plan goes back to approval.
    assertThat(cycle).isWaitingAt("Task_ApproveIneePlan");
    assertThat(cycle).isNotWaitingAt("Task_ApproveClusterPlanUnicef");
    decide("steering", cycle, "Task_ApproveIneePlan", "approve", null);
    assertThat(cycle).isWaitingAt("Task_LaunchPlans");

    Approvals approvals = (Approvals) runtime.getVariable(cycle.getId(), "approvals");
    Assertions.assertThat(approvals.decisions()).extracting(a -> a.round() + " " + a.organisation() + " " + a.approved())
        .containsExactly("1 INEE Steering Group false", "1 UNICEF true", "1 Save the Children true",
            "2 INEE Steering Group true");
  }

  @Test
  void oneCoLeadRejectionReturnsOnlyTheClustersPlan() {
    ProcessInstance cycle = toApproval(start(2027));
    decide("steering", cycle, "Task_ApproveIneePlan", "approve", null);
    decide("gec.unicef", cycle, "Task_ApproveClusterPlanUnicef", "approve", null);
    decide("gec.savethechildren", cycle, "Task_ApproveClusterPlanSaveTheChildren", "reject",
        "Indicators for coordination capacity are not measurable");

    assertThat(cycle).isWaitingAt("Task_DraftClusterPlan");
    assertThat(cycle).isNotWaitingAt("Task_DraftIneePlan");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "clusterReturnReason"))
        .contains("Save the Children").contains("not measurable");

    completeAs("gec.savethechildren", cycle, "Task_DraftClusterPlan", Map.of("clusterPlanText",
        CLUSTER_PLAN.replace("Coordinators trained with the harmonised package", "Number of coordinators certified")));
    reviewAlignment(cycle, ALIGNED);
    assertThat(cycle).isWaitingAt("Task_ApproveClusterPlanUnicef", "Task_ApproveClusterPlanSaveTheChildren");
    assertThat(cycle).isNotWaitingAt("Task_ApproveIneePlan");
    decide("gec.unicef", cycle, "Task_ApproveClusterPlanUnicef", "approve", null);
    assertThat(cycle).isWaitingAt("Task_ApproveClusterPlanSaveTheChildren");
    decide("gec.savethechildren", cycle, "Task_ApproveClusterPlanSaveTheChildren", "approve", null);
    assertThat(cycle).isWaitingAt("Task_LaunchPlans");
  }

  @Test
  void unmatchedPriorityIsFlaggedAndSentBackToDrafting() {
    ProcessInstance cycle = start(2027);
    toDraftingWithConsultation(cycle);
    draftBoth(cycle, INEE_PLAN, CLUSTER_PLAN);
    reviewAlignment(cycle, "I1 = C1\nI2 = C2\nI3 = ");
    assertThat(cycle).isWaitingAt("Task_ResolveUnmatched");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "unmatchedPriorities"))
        .contains("I3").contains("Data and evidence on EiE");

    completeAs("gec.unicef", cycle, "Task_ResolveUnmatched", Map.of("unmatchedDecision", "redraft",
        "unmatchedNote", "Data and evidence needs a Cluster counterpart or a merge"));
    assertThat(cycle).isWaitingAt("Task_DraftIneePlan");
    assertThat(cycle).isNotWaitingAt("Task_DraftClusterPlan");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "ineeReturnReason"))
        .contains("I3").contains("needs a Cluster counterpart");
    // The drafters see their plan again, with its codes.
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "ineePlanText"))
        .startsWith("I1: Collective action for EiE advocacy |");

    completeAs("secretariat", cycle, "Task_DraftIneePlan", Map.of(
        "ineePlanText", (String) runtime.getVariable(cycle.getId(), "ineePlanText"),
        "ineeCrossCuttingText", CROSS_CUTTING));
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "alignmentText"))
        .isEqualTo("I1 = C1\nI2 = C2\nI3 = ");
    reviewAlignment(cycle, ALIGNED);
    assertThat(cycle).isWaitingAt("Task_GatherMemberFeedback");
  }

  @Test
  void unmatchedPriorityCanBeAcceptedExplicitly() {
    ProcessInstance cycle = start(2027);
    toDraftingWithConsultation(cycle);
    draftBoth(cycle, INEE_PLAN, CLUSTER_PLAN);
    reviewAlignment(cycle, "I1 = C1, C2\nI2 = C1");
    assertThat(cycle).isWaitingAt("Task_ResolveUnmatched");
    completeAs("secretariat", cycle, "Task_ResolveUnmatched", Map.of("unmatchedDecision", "accept",
        "unmatchedNote", "Evidence is INEE's own network role"));
    assertThat(cycle).isWaitingAt("Task_GatherMemberFeedback");
    AlignmentMap map = (AlignmentMap) runtime.getVariable(cycle.getId(), "alignment");
    Assertions.assertThat(map.acceptedUnmatched()).containsExactly("I3");
    Assertions.assertThat(map.acceptanceNote()).isEqualTo("Evidence is INEE's own network role");

    // The accepted gap stays accepted through the revision; a new priority is a new gap.
    completeAs("secretariat", cycle, "Task_GatherMemberFeedback",
        Map.of("memberFeedback", "Members ask for a teachers priority"));
    completeAs("secretariat", cycle, "Task_ReviseIneePlan", Map.of(
        "ineePlanText", runtime.getVariable(cycle.getId(), "ineePlanText")
            + "\nTeachers in crisis contexts | Teachers supported | Teachers reached",
        "ineeCrossCuttingText", CROSS_CUTTING));
    completeAs("gec.unicef", cycle, "Task_ReviseClusterPlan",
        Map.of("clusterPlanText", runtime.getVariable(cycle.getId(), "clusterPlanText")));
    assertThat(cycle).hasPassed("Task_RecheckAlignment");
    assertThat(cycle).isWaitingAt("Task_ReviewAlignment");
    Assertions.assertThat((String) runtime.getVariable(cycle.getId(), "unmatchedPriorities"))
        .contains("I4").contains("Teachers in crisis contexts").doesNotContain("I3");
    reviewAlignment(cycle, "I1 = C1, C2\nI2 = C1\nI4 = C2");
    // Feedback was gathered already: straight to approval.
    assertThat(cycle).isWaitingAt("Task_ApproveIneePlan", "Task_ApproveClusterPlanUnicef",
        "Task_ApproveClusterPlanSaveTheChildren");
  }

  @Test
  void overdueSixMonthReviewRemindsTheResponsibleGroups() {
    ProcessInstance cycle = toApproval(start(2027));
    approveAll(cycle);
    launchAndTranslate(cycle);
    completeAs("secretariat", cycle, "Task_DraftAnnualWorkPlan", Map.of("workPlan", "Q1 advocacy"));
    at("2027-07-01T00:00:00Z");
    runDueJobs(cycle);
    Task review = task(cycle, "Task_MidYearReview");
    Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-07-31T00:00:00Z")));
    Assertions.assertThat(review.getPriority()).isEqualTo(50);

    at("2027-07-31T00:00:01Z");
    runDueJobs(cycle);
    assertThat(cycle).hasPassed("Task_RemindMidYearReview");
    assertThat(cycle).isWaitingAt("Task_MidYearReview");
    review = task(cycle, "Task_MidYearReview");
    Assertions.assertThat(review.getPriority()).isEqualTo(SendOverdueReminder.URGENT);
    Assertions.assertThat(tasks.getTaskComments(review.getId())).singleElement()
        .satisfies(c -> Assertions.assertThat(c.getFullMessage())
            .contains("was due on 2027-07-31").contains("gec-global-coleads, inee-secretariat"));
    // The responsible groups find it in Tasklist, marked urgent.
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(cycle.getId())
        .taskCandidateGroup("inee-secretariat").taskMinPriority(SendOverdueReminder.URGENT).count())
        .isEqualTo(1);
    Implementation implementation = (Implementation) runtime.getVariable(cycle.getId(), "implementation");
    Assertions.assertThat(implementation.reminders()).singleElement()
        .satisfies(r -> Assertions.assertThat(r.year()).isEqualTo(2027));

    // Still overdue a month later: a second reminder.
    at("2027-08-30T00:00:02Z");
    runDueJobs(cycle);
    Assertions.assertThat(tasks.getTaskComments(review.getId())).hasSize(2);
  }

  @Test
  void approvalForTheOtherOrganisationIsRefusedAndChangesNothing() {
    ProcessInstance cycle = toApproval(start(2027));
    Assertions.assertThatThrownBy(() -> decide("gec.savethechildren", cycle,
            "Task_ApproveClusterPlanUnicef", "approve", null))
        .hasMessageContaining("cannot decide for UNICEF");
    Assertions.assertThatThrownBy(() -> decide("steering", cycle,
            "Task_ApproveIneePlan", "reject", " "))
        .hasMessageContaining("Reason (required for a rejection)");
    assertThat(cycle).isWaitingAt("Task_ApproveIneePlan", "Task_ApproveClusterPlanUnicef",
        "Task_ApproveClusterPlanSaveTheChildren");
    Assertions.assertThat(((Approvals) runtime.getVariable(cycle.getId(), "approvals")).decisions())
        .isEmpty();
  }

  @Test
  void badFormInputIsRefusedWithTheField() {
    ProcessInstance cycle = start(2027);
    // A second cycle for the same years (from Tasklist's start form, say) is refused.
    Assertions.assertThatThrownBy(() -> start(2027))
        .hasMessageContaining("First year of the plan").hasMessageContaining("2027-2029 is already running");
    Assertions.assertThatThrownBy(() -> completeAs("secretariat", cycle, "Task_ReviewPreviousCycle",
            Map.of("previousCycleReview", "Fine", "consultationClosesOn", "2026-01-01")))
        .hasMessageContaining("Consultation closes on").hasMessageContaining("after today");
    toDraftingWithConsultation(cycle);
    Assertions.assertThatThrownBy(() -> completeAs("secretariat", cycle, "Task_DraftIneePlan",
            Map.of("ineePlanText", "Advocacy | more funding |", "ineeCrossCuttingText", CROSS_CUTTING)))
        .hasMessageContaining("Strategic priorities").hasMessageContaining("at least one indicator");
    Assertions.assertThatThrownBy(() -> completeAs("secretariat", cycle, "Task_DraftIneePlan",
            Map.of("ineePlanText", INEE_PLAN, "ineeCrossCuttingText", "")))
        .hasMessageContaining("Cross-cutting elements");
    draftBoth(cycle, INEE_PLAN, CLUSTER_PLAN);
    Assertions.assertThatThrownBy(() -> reviewAlignment(cycle, "I1 = C9"))
        .hasMessageContaining("Alignment map").hasMessageContaining("C9");
    assertThat(cycle).isWaitingAt("Task_ReviewAlignment");
    Assertions.assertThatThrownBy(() -> runtime.createProcessInstanceByKey(Processes.PLANNING)
            .businessKey("planning-test-bad").setVariable("firstYear", 1999).execute())
        .hasMessageContaining("First year of the plan");
  }

  @Test
  void nextCycleStartedByHandStillReceivesTheEvaluation() {
    ProcessInstance byHand = start(2030);
    ProcessInstance cycle = atEvaluation(2027);
    evaluateAndFinish(cycle);
    Assertions.assertThat(runtime.createProcessInstanceQuery()
        .variableValueEquals("firstYear", 2030).count()).isEqualTo(1);
    Assertions.assertThat(((Evaluation) runtime.getVariable(byHand.getId(), "previousEvaluation")).cycle())
        .isEqualTo("2027-2029");
    Assertions.assertThat((String) runtime.getVariable(byHand.getId(), "previousEvaluationText"))
        .contains("Late but thorough");
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName("nextCycleId").singleResult().getValue()).isEqualTo(byHand.getId());
  }

  @Test
  void lateEvaluationStillStartsTheNextCycleWithoutAnIncident() {
    ProcessInstance cycle = atEvaluation(2027);
    at("2031-03-01T10:00:00Z");
    evaluateAndFinish(cycle);
    ProcessInstance next = runtime.createProcessInstanceQuery()
        .variableValueEquals("previousCycleId", cycle.getId()).singleResult();
    Assertions.assertThat(next.getBusinessKey()).isEqualTo("strategic-plan-2030-2032");
    assertThat(next).isWaitingAt("Task_ReviewPreviousCycle");
  }

  /**
   * A cycle whose three years are over, with both plans, waiting for its evaluation. Its plans
   * were approved by the Steering Group and both global co-lead organisations on the record (the
   * plan document requires it); the years in between are skipped, as an administrator would move
   * a migrated cycle in Cockpit.
   */
  ProcessInstance atEvaluation(int firstYear) {
    var now = ClockUtil.getCurrentTime();
    ProcessInstance instance = runtime.createProcessInstanceByKey(Processes.PLANNING)
        .businessKey("planning-test-" + firstYear + "-" + System.nanoTime())
        .startBeforeActivity("Gateway_PlansToApprove")
        .setVariable("firstYear", firstYear)
        .setVariable("previousCycleReview", "Reviewed")
        .setVariable("consultationSummary", "Consulted")
        .setVariable(CycleVariables.INEE_PLAN, JsonVariables.json(PlanTextTest.INEE))
        .setVariable(CycleVariables.CLUSTER_PLAN, JsonVariables.json(PlanTextTest.CLUSTER))
        .setVariable("cycleLabel", firstYear + "-" + (firstYear + 2))
        .setVariable("documentLanguage", "en")
        .setVariable("reviewGracePeriod", "P30D")
        .setVariable("approvalRound", 1)
        .setVariable("ineeApproved", false)
        .setVariable("clusterApproved", false)
        .setVariable(CycleVariables.ALIGNMENT, JsonVariables.json(AlignmentMap.empty()))
        .setVariable(CycleVariables.APPROVALS, JsonVariables.json(new Approvals(null)))
        .setVariable(CycleVariables.IMPLEMENTATION, JsonVariables.json(Implementation.empty()))
        .execute(true, false);
    started.add(instance.getId());
    approveAll(instance);
    ClockUtil.setCurrentTime(now);
    runtime.createProcessInstanceModification(instance.getId())
        .cancelAllForActivity("Task_LaunchPlans").startBeforeActivity("Task_EvaluateCycle")
        .execute(true, false);
    assertThat(instance).isWaitingAt("Task_EvaluateCycle");
    return instance;
  }

  @Test
  void planDocumentIsRefusedWhenTheApprovalsAreNotOnRecord() {
    // Moved past the approvals (as only an administrator can): no approval on the engine's record.
    ProcessInstance cycle = runtime.createProcessInstanceByKey(Processes.PLANNING)
        .businessKey("planning-test-unapproved-" + System.nanoTime())
        .startBeforeActivity("Task_CompilePlanDocument")
        .setVariable("firstYear", 2027)
        .setVariable(CycleVariables.INEE_PLAN, JsonVariables.json(PlanTextTest.INEE))
        .setVariable(CycleVariables.CLUSTER_PLAN, JsonVariables.json(PlanTextTest.CLUSTER))
        .setVariable("cycleLabel", "2027-2029")
        .setVariable("documentLanguage", "en")
        .setVariable(CycleVariables.APPROVALS, JsonVariables.json(new Approvals(List.of(new Approval(1,
            "INEE", "INEE Steering Group", "steering", "Forged", true, null, "2026-09-01")))))
        .execute(true, false);
    started.add(cycle.getId());
    var job = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId("Task_CompilePlanDocument").singleResult();
    Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("no INEE Steering Group approval");
    Assertions.assertThat(documents.latest(cycle.getId(), "plan")).isEmpty();
  }

  void evaluateAndFinish(ProcessInstance cycle) {
    completeAs("gec.savethechildren", cycle, "Task_EvaluateCycle", Map.of(
        "evaluationSummary", "Late but thorough", "lessonsLearned", "Start earlier",
        "recommendations", "Plan the evaluation in the last work plan"));
    runDueJobs(cycle);
    assertThat(cycle).isEnded();
    Assertions.assertThat(documents.latest(cycle.getId(), "plan")).isPresent();
  }

  // ---------------------------------------------------------------- steps

  ProcessInstance start(int firstYear) {
    ProcessInstance instance = runtime.createProcessInstanceByKey(Processes.PLANNING)
        .businessKey("planning-test-" + firstYear + "-" + System.nanoTime())
        .setVariable("firstYear", firstYear).execute();
    started.add(instance.getId());
    return instance;
  }

  void toDraftingWithConsultation(ProcessInstance cycle) {
    completeAs("secretariat", cycle, "Task_ReviewPreviousCycle", Map.of(
        "previousCycleReview", "The 2024-2026 plans met most targets; data remained weak",
        "consultationClosesOn", "2026-04-30"));
    assertThat(cycle).isWaitingAt("Event_ConsultationCloses");
    at("2026-04-30T12:00:00Z");
    runDueJobs(cycle);
    assertThat(cycle).isWaitingAt("Event_ConsultationCloses");
    at("2026-05-01T00:00:00Z");
    runDueJobs(cycle);
    assertThat(cycle).isWaitingAt("Task_SummariseConsultation");
    completeAs("gec.unicef", cycle, "Task_SummariseConsultation",
        Map.of("consultationSummary", "Members ask for stronger data and localisation"));
    assertThat(cycle).isWaitingAt("Task_DraftIneePlan", "Task_DraftClusterPlan");
    Assertions.assertThat(candidateGroups(cycle, "Task_DraftIneePlan")).containsExactly("inee-secretariat");
    Assertions.assertThat(candidateGroups(cycle, "Task_DraftClusterPlan")).containsExactly("gec-global-coleads");
  }

  void draftBoth(ProcessInstance cycle, String inee, String cluster) {
    completeAs("secretariat", cycle, "Task_DraftIneePlan",
        Map.of("ineePlanText", inee, "ineeCrossCuttingText", CROSS_CUTTING));
    completeAs("gec.savethechildren", cycle, "Task_DraftClusterPlan", Map.of("clusterPlanText", cluster));
    assertThat(cycle).isWaitingAt("Task_ReviewAlignment");
  }

  void reviewAlignment(ProcessInstance cycle, String map) {
    completeAs("secretariat", cycle, "Task_ReviewAlignment", Map.of("alignmentText", map));
  }

  void gatherFeedbackAndRevise(ProcessInstance cycle, String inee, String cluster) {
    completeAs("secretariat", cycle, "Task_GatherMemberFeedback",
        Map.of("memberFeedback", "Members welcome the data priority"));
    completeAs("secretariat", cycle, "Task_ReviseIneePlan",
        Map.of("ineePlanText", inee, "ineeCrossCuttingText", CROSS_CUTTING));
    completeAs("gec.unicef", cycle, "Task_ReviseClusterPlan", Map.of("clusterPlanText", cluster));
    assertThat(cycle).hasPassed("Task_RecheckAlignment");
  }

  ProcessInstance toApproval(ProcessInstance cycle) {
    toDraftingWithConsultation(cycle);
    draftBoth(cycle, INEE_PLAN, CLUSTER_PLAN);
    reviewAlignment(cycle, ALIGNED);
    gatherFeedbackAndRevise(cycle, INEE_PLAN, CLUSTER_PLAN);
    assertThat(cycle).isWaitingAt("Task_ApproveIneePlan", "Task_ApproveClusterPlanUnicef",
        "Task_ApproveClusterPlanSaveTheChildren");
    return cycle;
  }

  void approveAll(ProcessInstance cycle) {
    at("2026-09-01T10:00:00Z");
    decide("steering", cycle, "Task_ApproveIneePlan", "approve", null);
    decide("gec.unicef", cycle, "Task_ApproveClusterPlanUnicef", "approve", null);
    decide("gec.savethechildren", cycle, "Task_ApproveClusterPlanSaveTheChildren", "approve", null);
    assertThat(cycle).isWaitingAt("Task_LaunchPlans");
  }

  void decide(String user, ProcessInstance cycle, String taskKey, String decision, String reason) {
    var variables = new java.util.HashMap<String, Object>();
    variables.put("approvalDecision", decision);
    if (reason != null) {
      variables.put("approvalReason", reason);
    }
    completeAs(user, cycle, taskKey, variables);
  }

  void launchAndTranslate(ProcessInstance cycle) {
    completeAs("secretariat", cycle, "Task_LaunchPlans",
        Map.of("publicationLink", "https://inee.org/strategic-plan-2027"));
    for (String language : List.of("ar", "fr", "pt", "es")) {
      Task translation = tasks.createTaskQuery().processInstanceId(cycle.getId())
          .taskDefinitionKey("Task_TranslatePlans").taskCandidateGroup("language-" + language)
          .singleResult();
      Assertions.assertThat(translation).as("translation task for " + language).isNotNull();
      completeTaskAs("facilitator." + language, translation.getId(),
          Map.of("translationLink", "https://inee.org/strategic-plan-2027/" + language));
    }
    Launch launch = (Launch) runtime.getVariable(cycle.getId(), "launch");
    Assertions.assertThat(launch.translations()).extracting(t -> t.language())
        .containsExactlyInAnyOrder("ar", "fr", "pt", "es");
    assertThat(cycle).isWaitingAt("Task_DraftAnnualWorkPlan");
  }

  /** One implementation year; with {@code overdue}, every review of the year is late once. */
  void implementYear(ProcessInstance cycle, int year, boolean overdue) {
    assertThat(cycle).isWaitingAt("Task_DraftAnnualWorkPlan");
    Assertions.assertThat(((Number) runtime.getVariable(
        task(cycle, "Task_DraftAnnualWorkPlan").getExecutionId(), "implementationYear")).intValue())
        .isEqualTo(year);
    completeAs("secretariat", cycle, "Task_DraftAnnualWorkPlan",
        Map.of("workPlan", "Work plan " + year + ": regional advocacy, two trainings"));
    assertThat(cycle).isWaitingAt("Event_MidYear");
    at(year + "-07-01T00:00:00Z");
    runDueJobs(cycle);
    review(cycle, "Task_MidYearReview", overdue, Map.of("progressStatus", "ON_TRACK",
        "progressSummary", "Half-year " + year + " on track"));
    if (year == 2028) {
      review(cycle, "Task_MidTermReview", overdue, Map.of("progressStatus", "AT_RISK",
          "progressSummary", "Mid-term: funding target at risk, shift to pooled funds"));
    }
    assertThat(cycle).isWaitingAt("Event_YearEnd");
    at((year + 1) + "-01-01T00:00:00Z");
    runDueJobs(cycle);
    review(cycle, "Task_YearEndReview", overdue, Map.of("progressStatus", "ON_TRACK",
        "progressSummary", "Second half of " + year + " delivered",
        "annualReport", "Annual progress report " + year));
  }

  void review(ProcessInstance cycle, String taskKey, boolean overdue, Map<String, Object> variables) {
    assertThat(cycle).isWaitingAt(taskKey);
    if (overdue) {
      Date due = task(cycle, taskKey).getDueDate();
      ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(1, ChronoUnit.MINUTES)));
      runDueJobs(cycle);
      Assertions.assertThat(task(cycle, taskKey).getPriority()).isEqualTo(SendOverdueReminder.URGENT);
    }
    completeAs("gec.savethechildren", cycle, taskKey, variables);
  }

  // ---------------------------------------------------------------- helpers

  void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  /** Executes the jobs that are due at the engine clock's current time, as the job executor would. */
  void runDueJobs(ProcessInstance cycle) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(cycle.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  Task task(ProcessInstance cycle, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  List<String> candidateGroups(ProcessInstance cycle, String taskKey) {
    return tasks.getIdentityLinksForTask(task(cycle, taskKey).getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  void completeAs(String user, ProcessInstance cycle, String taskKey, Map<String, Object> variables) {
    Task task = task(cycle, taskKey);
    Assertions.assertThat(task).as("open task " + taskKey).isNotNull();
    completeTaskAs(user, task.getId(), variables);
  }

  /** Completes a task as a demo user would in Tasklist: authenticated, with the user's groups. */
  void completeTaskAs(String user, String taskId, Map<String, Object> variables) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(taskId, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

}
