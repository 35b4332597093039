package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.eie.workflows.appeal.AppealScenario.NOW;
import static org.eie.workflows.appeal.AppealScenario.ONSET;
import static org.eie.workflows.appeal.AppealScenario.assessment;
import static org.eie.workflows.appeal.AppealScenario.clock;
import static org.eie.workflows.appeal.AppealScenario.go;
import static org.eie.workflows.appeal.AppealScenario.plan;
import static org.eie.workflows.appeal.AppealScenario.project;
import static org.eie.workflows.appeal.AppealScenario.signOff;
import static org.eie.workflows.appeal.AppealScenario.vetting;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.document.AppealFormats;
import org.eie.workflows.appeal.projects.SubmissionClosedException;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.variables.JsonVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One scenario per path a co-lead, partner or global co-lead can take through an appeal. */
class EmergencyFundingAppealTest extends PostgresApplicationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentStore documents;
  @Autowired
  AppealService appeals;

  AppealScenario scenario;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    scenario = new AppealScenario(engine);
    clock(NOW);
  }

  @AfterEach
  void tearDown() {
    scenario.asSystem();
    ClockUtil.reset();
  }

  static Map<String, Object> learningSpaces() {
    return Map.of("budgetTemporaryLearningSpaces", 250000.0, "budgetPsychosocialSupport", 50000.0);
  }

  @Test
  void appealGoesFromTriggerToAStoredDocumentSignedOffByBothOrganisations() throws IOException {
    ProcessInstance appeal = scenario.start();
    assertThat(appeal).isWaitingAt("Task_ConfirmActivation");
    assertThat(appeal).task().hasCandidateGroup("coleads-LB");

    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    assertThat(appeal).isWaitingAt("Task_RapidNeedsAssessment");
    assertThat(appeal).task().hasCandidateGroup("coleads-LB")
        .hasDueDate(java.util.Date.from(ONSET.plus(Duration.ofHours(72))));
    scenario.submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment", assessment());
    scenario.submit("lb.unicef", appeal, "Task_DraftResponsePlan",
        plan("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT"));

    assertThat(appeal).isWaitingAt("Task_SubmitProject");
    // The partner's task runs in its own sub-instance, with the appeal's business key.
    assertThat(scenario.task(appeal, "Task_SubmitProject")).hasCandidateGroup("partners-LB");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Learning spaces in Bourj Hammoud", "برج حمود", learningSpaces()));
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject",
        project("Back to learning in Beirut", "Beirut",
            Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    assertThat(appeal).isWaitingAt("Task_SubmitProject");

    scenario.closeCall(appeal);
    Assertions.assertThat(scenario.tasks(appeal, "Task_VetProject")).hasSize(2);
    assertThat(scenario.tasks(appeal, "Task_VetProject").get(0)).hasCandidateGroup("coleads-LB");
    scenario.vetAll(appeal, "ACCEPT");

    assertThat(appeal).hasPassed("Task_ConsolidateRequirements").isWaitingAt("Task_SignOffUnicef");
    Consolidation consolidation = (Consolidation) scenario.variable(appeal, "consolidation");
    Assertions.assertThat(consolidation.totalUsd()).isEqualByComparingTo("700000");
    Assertions.assertThat(consolidation.acceptedProjects()).isEqualTo(2);
    scenario.signOffAndEndorse(appeal);

    assertThat(appeal).isWaitingAt("Task_GenerateAppealDocument");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal")).isEmpty();
    scenario.runJob(appeal, "Task_GenerateAppealDocument");

    // The published version goes to the donors: a delivery in the appeal's country tenant.
    assertThat(appeal).isWaitingAt("Task_DistributeToDonors");
    ProcessInstance delivery = scenario.donorDelivery(appeal);
    Assertions.assertThat(delivery.getTenantId()).isEqualTo("LB");
    Assertions.assertThat(engine.getRuntimeService().getVariables(delivery.getId()))
        .containsEntry("appealId", appeal.getId()).containsEntry("country", "LB")
        .containsEntry("appealType", "FLASH_APPEAL").containsEntry("documentVersion", 1);
    scenario.runDonorDelivery(appeal);

    // Published: the appeal now waits for its revision (or to be closed without one).
    assertThat(appeal).hasPassed("Task_DistributeToDonors", "Event_AppealPublished")
        .isWaitingAt("Gateway_RevisionWindow");
    StoredDocument pdf = documents.latest(appeal.getId(), "appeal").orElseThrow();
    Assertions.assertThat(pdf.tenantId()).isEqualTo("LB");
    Assertions.assertThat(pdf.version()).isEqualTo(1);
    Assertions.assertThat(new String(pdf.content(), 0, 5)).isEqualTo("%PDF-");
    try (var document = Loader.loadPDF(pdf.content())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      // What a donor reads: the country, both partners as registered (acronym and type from
      // the partner registry), a location in Arabic, the total, both signatories.
      Assertions.assertThat(text).contains("Lebanon", "Flash Appeal", "Norwegian Refugee Council",
          "Lebanese Education Association", "برج حمود", "700,000", "Nadine", "Karim", "UNICEF",
          "Save the Children");
      Assertions.assertThat(text).contains("Lebanese Education Association LEA National NGO",
          "Norwegian Refugee Council NRC International NGO");
      Assertions.assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
      // Built from the signed-off consolidation: the female / male split adds up to the total
      // (teachers included), and what the co-leads planned is printed beside it.
      var targeted = consolidation.targeted();
      var fmt = new AppealFormats(java.util.Locale.ENGLISH);
      Assertions.assertThat(text).contains(
          "Total 115,000 " + fmt.number(targeted.total()),
          "of whom female 60,000 " + fmt.number(targeted.female()),
          "of whom male 55,000 " + fmt.number(targeted.male()),
          "Temporary learning spaces Children attending temporary learning spaces 12,000 2,400,000",
          "Psychosocial support Children reached with psychosocial support not assessed 1,100,000",
          "Requirement (US$) 5,000,000 700,000",
          "Onset November 20, 2026, 10:08");
      Assertions.assertThat(targeted.female() + targeted.male()).isEqualTo(targeted.total());
      Assertions.assertThat(org.eie.workflows.documents.PdfStandards.failures(pdf.content()))
          .isEmpty();
    }
  }

  @Test
  void noGoEndsTheAppealWithItsReasonRecorded() {
    ProcessInstance appeal = scenario.start();
    Map<String, Object> noGo = new HashMap<>(go());
    noGo.put("activated", "false");
    noGo.put("activationReason", "Covered by the existing HRP");
    scenario.submit("lb.savethechildren", appeal, "Task_ConfirmActivation", noGo);

    assertThat(appeal).isEnded().hasPassed("Event_NotActivated")
        .hasNotPassed("Task_DetermineDeadlines");
    Activation activation = (Activation) engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(appeal.getId())
        .variableName("activation").singleResult().getValue();
    Assertions.assertThat(activation.activated()).isFalse();
    Assertions.assertThat(activation.reason()).isEqualTo("Covered by the existing HRP");
    Assertions.assertThat(activation.decidedBy()).isEqualTo("lb.savethechildren");
  }

  @Test
  void overdueAssessmentEscalatesToGlobalCoLeadsWhileTheCountryTaskStaysOpen() {
    ProcessInstance appeal = scenario.start();
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    Assertions.assertThat(scenario.job(appeal, "Event_AssessmentOverdue").getDuedate())
        .isEqualTo(java.util.Date.from(ONSET.plus(Duration.ofHours(72))));

    clock(ONSET.plus(Duration.ofHours(73)));
    scenario.runJob(appeal, "Event_AssessmentOverdue");

    assertThat(appeal).isWaitingAt("Task_RapidNeedsAssessment", "Task_FollowUpOverdueAssessment");
    assertThat(scenario.task(appeal, "Task_FollowUpOverdueAssessment"))
        .hasCandidateGroup("gec-global-coleads");
    scenario.submit("gec.unicef", appeal, "Task_FollowUpOverdueAssessment",
        Map.of("followUpNote", "IMO support from Geneva agreed"));
    assertThat(appeal).hasPassed("Event_AssessmentFollowedUp")
        .isWaitingAt("Task_RapidNeedsAssessment");

    scenario.submit("lb.unicef", appeal, "Task_RapidNeedsAssessment", assessment());
    assertThat(appeal).hasPassed("Event_AssessmentDone").isWaitingAt("Task_DraftResponsePlan");
  }

  @Test
  void assessmentDoneWithdrawsTheOpenEscalation() {
    ProcessInstance appeal = scenario.start();
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    clock(ONSET.plus(Duration.ofHours(73)));
    scenario.runJob(appeal, "Event_AssessmentOverdue");

    scenario.submit("lb.unicef", appeal, "Task_RapidNeedsAssessment", assessment());
    assertThat(appeal).isWaitingAt("Task_DraftResponsePlan");
    Assertions.assertThat(scenario.tasks(appeal, "Task_FollowUpOverdueAssessment")).isEmpty();
  }

  @Test
  void projectReturnedForRevisionIsResubmittedAndAccepted() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Learning kits", "Beirut", learningSpaces()));
    scenario.closeCall(appeal);

    scenario.submit("lb.unicef", appeal, "Task_VetProject",
        vetting("RETURN", "Budget for learning spaces too high per child"));
    assertThat(appeal).isWaitingAt("Task_ReviseProject");
    // Back to the organisation that submitted it (partner.lb's), not to every partner of LB.
    assertThat(scenario.task(appeal, "Task_ReviseProject")).hasCandidateGroup("partner-LB-lea");
    Assertions.assertThat(engine.getTaskService().getVariable(
        scenario.task(appeal, "Task_ReviseProject").getId(), "projectTitle"))
        .isEqualTo("Learning kits");

    Map<String, Object> revised = project("Learning kits", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 180000.0, "budgetPsychosocialSupport", 50000.0));
    scenario.submit("partner.lb", appeal, "Task_ReviseProject", revised);
    assertThat(appeal).isWaitingAt("Task_VetProject");
    scenario.submit("lb.unicef", appeal, "Task_VetProject", vetting("ACCEPT", "Revised budget fits"));

    PartnerProject project = ((PartnerProjects) scenario.variable(appeal, "projects")).projects().get(0);
    Assertions.assertThat(project.status()).isEqualTo(ProjectStatus.ACCEPTED);
    Assertions.assertThat(project.revision()).isEqualTo(2);
    Assertions.assertThat(project.vettings()).extracting(Vetting::decision)
        .containsExactly("RETURN", "ACCEPT");
    Assertions.assertThat(project.lastVetting().weightedScore()).isEqualTo(86);
    Assertions.assertThat(project.budgetUsd()).isEqualByComparingTo("230000");
    assertThat(appeal).hasPassed("Task_ReviseProject").isWaitingAt("Task_SignOffUnicef");
  }

  @Test
  void rejectedProjectStaysOutOfTheConsolidatedFigures() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Accepted one", "Beirut", learningSpaces()));
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject",
        project("Rejected one", "Beirut", Map.of("budgetPsychosocialSupport", 90000.0)));
    scenario.closeCall(appeal);

    for (var task : scenario.tasks(appeal, "Task_VetProject")) {
      String summary = (String) engine.getTaskService().getVariable(task.getId(), "projectSummary");
      boolean reject = summary.contains("Rejected one");
      scenario.submit("lb.unicef", task, vetting(reject ? "REJECT" : "ACCEPT",
          reject ? "No registration in Lebanon" : "Fits the plan"));
    }
    assertThat(appeal).hasPassed("Event_ProjectRejected", "Event_ProjectAccepted");
    PartnerProjects projects = (PartnerProjects) scenario.variable(appeal, "projects");
    Assertions.assertThat(projects.withStatus(ProjectStatus.REJECTED)).extracting(PartnerProject::title)
        .containsExactly("Rejected one");
    Assertions.assertThat(projects.withStatus(ProjectStatus.REJECTED).get(0).lastVetting().comment())
        .isEqualTo("No registration in Lebanon");
    Consolidation consolidation = (Consolidation) scenario.variable(appeal, "consolidation");
    Assertions.assertThat(consolidation.totalUsd()).isEqualByComparingTo("300000");
    Assertions.assertThat(consolidation.byPartner()).extracting(Consolidation.Line::key)
        .containsExactly("Lebanese Education Association");
  }

  @Test
  void lateSubmissionIsRefusedWithTheDeadline() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    clock(AppealScenario.SUBMISSION_DEADLINE.plus(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Too late", "Beirut", learningSpaces())))
        .isInstanceOf(SubmissionClosedException.class)
        .hasMessageContaining("closed at 2026-11-22T12:00Z");
    Assertions.assertThat(scenario.variable(appeal, "projects")).isNull();

    scenario.runJob(appeal, "Event_SubmissionClosed");
    assertThat(appeal).hasPassed("Event_SubmissionClosed").isNotWaitingAt("Task_SubmitProject");
  }

  @Test
  void projectOutsideThePlanIsReportedToTheCoLeadsWhoAmendThePlan() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Repair of 10 schools", "Beirut",
            Map.of("budgetSchoolRepair", 800000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");

    assertThat(appeal).isWaitingAt("Task_ReviewConsolidation");
    Consolidation consolidation = (Consolidation) scenario.variable(appeal, "consolidation");
    Assertions.assertThat(consolidation.inconsistencies()).extracting(Consolidation.Inconsistency::code)
        .containsExactly("ACTIVITY_OUTSIDE_PLAN");
    Assertions.assertThat(consolidation.totalUsd()).isEqualByComparingTo("800000");
    var review = scenario.task(appeal, "Task_ReviewConsolidation");
    Assertions.assertThat((String) engine.getTaskService().getVariable(review.getId(),
        "consolidationReport")).contains("SCHOOL_REPAIR, which is not a priority activity");

    Map<String, Object> amend = new HashMap<>();
    amend.put("consolidationDecision", "AMEND_PLAN");
    amend.put("reviewComment", "School repair is a priority after the blast");
    amend.put("priorityActivities", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[\"TEMPORARY_LEARNING_SPACES\",\"PSYCHOSOCIAL_SUPPORT\",\"SCHOOL_REPAIR\"]").create());
    scenario.submit("lb.unicef", review, amend);

    assertThat(appeal).isWaitingAt("Task_SignOffUnicef");
    Assertions.assertThat(((Consolidation) scenario.variable(appeal, "consolidation")).consistent())
        .isTrue();
    Assertions.assertThat(((PlannedResponse) scenario.variable(appeal, "responsePlan"))
        .priorityActivities()).contains("SCHOOL_REPAIR");
  }

  @Test
  void eitherCoLeadCanSendTheAppealBackToConsolidationWithAComment() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("PSS in shelters", "Beirut", learningSpaces()));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");

    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef",
        signOff("SEND_BACK", "Check the partner's people targeted"));
    assertThat(appeal).isWaitingAt("Task_ReviewConsolidation");
    var review = scenario.task(appeal, "Task_ReviewConsolidation");
    Assertions.assertThat((String) engine.getTaskService().getVariable(review.getId(),
        "sentBackComment")).contains("Check the partner's people targeted");
    scenario.submit("lb.savethechildren", review,
        Map.of("consolidationDecision", "CONFIRM", "reviewComment", "Figures checked with the partner"));
    assertThat(appeal).isWaitingAt("Task_SignOffUnicef");
    // The sign-off shows the figures' state as it is now, not what was to resolve before.
    Assertions.assertThat((String) engine.getTaskService().getVariable(
            scenario.task(appeal, "Task_SignOffUnicef").getId(), "appealSummary"))
        .contains("State: ").doesNotContain("to resolve");

    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("SEND_BACK", "Add the partner's second location"));
    assertThat(appeal).isWaitingAt("Task_ReviewConsolidation");
    // The note names the organisation as people write it, never its code.
    Assertions.assertThat((String) engine.getTaskService().getVariable(
            scenario.task(appeal, "Task_ReviewConsolidation").getId(), "sentBackComment"))
        .startsWith("Save the Children (").doesNotContain("SAVE_THE_CHILDREN")
        .contains("Add the partner's second location");
    scenario.submit("lb.unicef", appeal, "Task_ReviewConsolidation",
        Map.of("consolidationDecision", "CONFIRM", "reviewComment", "Second location is next phase"));

    scenario.signOffAndEndorse(appeal);
    assertThat(appeal).isWaitingAt("Task_GenerateAppealDocument");
    SignOffs signOffs = (SignOffs) scenario.variable(appeal, "signOffs");
    Assertions.assertThat(signOffs.decisions()).extracting(SignOff::approved)
        .containsExactly(false, true, false, true, true);
    Assertions.assertThat(signOffs.currentApprovals()).extracting(SignOff::userId)
        .containsExactly("lb.unicef", "lb.savethechildren");
  }

  @Test
  void samePersonCannotSignOffForBothOrganisations() {
    dualMember();
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("TLS", "Beirut", learningSpaces()));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");

    assertThatThrownBy(() -> scenario.submit("lb.savethechildren", appeal, "Task_SignOffUnicef",
        signOff("APPROVE", null)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("org-unicef");
    scenario.submit("lb.dual", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    assertThatThrownBy(() -> scenario.submit("lb.dual", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("four eyes need a second person");
    assertThat(appeal).isWaitingAt("Task_SignOffSaveTheChildren");

    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null));
    assertThat(appeal).isWaitingAt("Task_EndorseAppeal");
  }

  @Test
  void overduePublicationEscalatesToTheGlobalCoLeads() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    Assertions.assertThat(scenario.variable(appeal, "publicationDeadlineDays")).isEqualTo(7);
    Assertions.assertThat(scenario.job(appeal, "Event_PublicationOverdue").getDuedate())
        .isEqualTo(java.util.Date.from(ONSET.plus(Duration.ofDays(7))));

    clock(ONSET.plus(Duration.ofDays(7)).plusSeconds(60));
    scenario.runJob(appeal, "Event_PublicationOverdue");
    assertThat(appeal).isWaitingAt("Task_SubmitProject", "Task_FollowUpOverduePublication");
    assertThat(scenario.task(appeal, "Task_FollowUpOverduePublication"))
        .hasCandidateGroup("gec-global-coleads");
    scenario.submit("gec.savethechildren", appeal, "Task_FollowUpOverduePublication",
        Map.of("followUpNote", "Deadline extended by the HC to day 10"));
    assertThat(appeal).hasPassed("Event_PublicationFollowedUp").isWaitingAt("Task_SubmitProject");
  }

  @Test
  void theSaveTheChildrenSignOffSaysWhoseItIsAndNobodyElseCanHoldIt() {
    ProcessInstance appeal = atSignOff();
    String unicef = scenario.task(appeal, "Task_SignOffUnicef").getId();
    Assertions.assertThat(engine.getTaskService().getVariable(unicef, "signOffFor"))
        .isEqualTo("For the UNICEF co-lead of Lebanon: only a co-lead of Lebanon in UNICEF may"
            + " claim and sign it.");
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    String task = scenario.task(appeal, "Task_SignOffSaveTheChildren").getId();
    Assertions.assertThat(engine.getTaskService().getVariable(task, "signOffFor"))
        .asString().startsWith("For the Save the Children co-lead of Lebanon: only a co-lead of"
            + " Lebanon in Save the Children may claim and sign it. Not Nadine Khoury");

    for (String wrong : List.of("lb.unicef", "co.savethechildren", "gec.savethechildren")) {
      scenario.as(wrong);
      try {
        // Refused by the first check that applies: the sign-off's own rule for the other
        // organisation's co-lead (the engine wraps a listener's refusal; both engine APIs answer
        // it as its cause, 403), the engine's grants for a global co-lead, the tenant check for
        // another country's co-lead.
        var refused = assertThatThrownBy(() -> engine.getTaskService().claim(task, wrong));
        switch (wrong) {
          case "lb.unicef" -> refused.hasRootCauseInstanceOf(AuthorizationException.class)
              .hasStackTraceContaining("only a Save the Children co-lead of LB");
          case "gec.savethechildren" -> refused.isInstanceOf(AuthorizationException.class);
          default -> refused.isInstanceOf(ProcessEngineException.class)
              .hasMessageContaining("belongs to no authenticated tenant");
        }
      } finally {
        scenario.asSystem();
      }
      Assertions.assertThat(scenario.task(appeal, "Task_SignOffSaveTheChildren").getAssignee())
          .as("after %s tried to claim it", wrong).isNull();
    }
    // Nor may anyone hand it to the wrong person.
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(task, "lb.unicef"))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("only a Save the Children co-lead of LB");
    scenario.as("lb.savethechildren");
    try {
      engine.getTaskService().claim(task, "lb.savethechildren");
    } finally {
      scenario.asSystem();
    }
    Assertions.assertThat(scenario.task(appeal, "Task_SignOffSaveTheChildren").getAssignee())
        .isEqualTo("lb.savethechildren");
  }

  @Test
  void publicationFollowUpNamesItsDeadlineAndClosesItselfWhenTheAppealIsPublished() {
    ProcessInstance appeal = atSignOff();
    String followUp = overdue(appeal, Duration.ofDays(7), "Event_PublicationOverdue",
        "Task_FollowUpOverduePublication", "Missed deadline: publication of the appeal, due"
            + " 27 November 2026, 10:08 UTC (7 days after onset).");
    Assertions.assertThat(engine.getTaskService().getVariableLocal(followUp, "signOffState"))
        .asString().startsWith("Signed off: not yet. Neither");

    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    Assertions.assertThat(engine.getTaskService().getVariableLocal(followUp, "signOffState"))
        .asString().startsWith("Signed off: not yet. UNICEF approved (Nadine Khoury");
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null));
    Assertions.assertThat(engine.getTaskService().getVariableLocal(followUp, "signOffState"))
        .asString().startsWith("Signed off: yes, for UNICEF by Nadine Khoury");
    scenario.endorse(appeal);
    assertThat(appeal).isWaitingAt("Task_GenerateAppealDocument",
        "Task_FollowUpOverduePublication");

    scenario.publish(appeal);
    assertThat(appeal).hasPassed("Event_AppealPublished", "Event_FollowUpWithdrawn")
        .hasNotPassed("Event_PublicationFollowedUp");
    Assertions.assertThat(scenario.tasks(appeal, "Task_FollowUpOverduePublication")).isEmpty();
  }

  @Test
  void assessmentFollowUpNamesTheSeventyTwoHourDeadline() {
    ProcessInstance appeal = scenario.start();
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    overdue(appeal, Duration.ofHours(72), "Event_AssessmentOverdue",
        "Task_FollowUpOverdueAssessment", "Missed deadline: the rapid needs assessment, due"
            + " 23 November 2026, 10:08 UTC (72 hours after onset).");
  }

  /** The deadline passes: its follow-up opens, naming the deadline. Returns the task's id. */
  private String overdue(ProcessInstance appeal, Duration afterOnset, String timer,
      String followUpTask, String missedDeadline) {
    clock(ONSET.plus(afterOnset).plusSeconds(60));
    scenario.runJob(appeal, timer);
    String followUp = scenario.task(appeal, followUpTask).getId();
    Assertions.assertThat(engine.getTaskService().getVariableLocal(followUp, "missedDeadline"))
        .isEqualTo(missedDeadline);
    return followUp;
  }

  @Test
  void otherAppealTypesHaveTheirOwnPublicationDeadline() {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("appealType", "HRP_REVISION");
    ProcessInstance appeal = scenario.start(trigger);
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    Assertions.assertThat(scenario.variable(appeal, "publicationDeadlineDays")).isEqualTo(30);
  }

  @Test
  void cancellationNeedsAReasonAndIsNotTheCoLeadsToCorrelateThemselves() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    // Co-leads cancel through our API (AppealApiTest), which checks the role and records why;
    // the engine refuses them the raw message correlation.
    scenario.as("lb.unicef");
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("appealCancelled")
        .processInstanceId(appeal.getId())
        .setVariable("cancellation", JsonVariables.json(
            new Cancellation("Covered by the CERF allocation", "lb.unicef", NOW.toString())))
        .correlate())
        .isInstanceOf(AuthorizationException.class);
    scenario.asSystem();
    assertThat(appeal).isWaitingAt("Task_SubmitProject");

    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("appealCancelled")
        .processInstanceId(appeal.getId()).correlate())
        .isInstanceOf(InvalidInput.class).hasMessageContaining("reason");
    assertThat(appeal).isWaitingAt("Task_SubmitProject");

    engine.getRuntimeService().createMessageCorrelation("appealCancelled")
        .processInstanceId(appeal.getId())
        .setVariable("cancellation", JsonVariables.json(
            new Cancellation("Covered by the CERF allocation", "lb.unicef", NOW.toString())))
        .correlate();
    assertThat(appeal).isEnded().hasPassed("Event_Cancelled").hasNotPassed("Event_AppealPublished");
  }

  @Test
  void anAppealStartedFromTasklistGetsTheSameReadableBusinessKeyAsThroughTheApi() {
    scenario.as("lb.unicef");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("emergencyFundingAppeal").latestVersion().singleResult().getId();
    ProcessInstance appeal = engine.getFormService()
        .submitStartForm(definition, AppealScenario.trigger());
    scenario.asSystem();
    Assertions.assertThat(appeal.getBusinessKey()).matches("APPEAL-LB-20261120-[0-9a-f]{4}");
  }

  @Test
  void badStartFormInputStartsNothing() {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("onset", NOW.plus(Duration.ofDays(1)).toString());
    trigger.put("schoolsAffected", -3L);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count();
    assertThatThrownBy(() -> scenario.start(trigger))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Onset (date): is in the future")
        .hasMessageContaining("Schools affected (first estimate): must not be negative");
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count()).isEqualTo(before);
  }

  @Test
  void aFlashAppealSentBackOnceByTheHumanitarianCoordinatorIsPublishedWithTheEndorsement()
      throws IOException {
    ProcessInstance appeal = atSignOff();
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null));
    // Signed off by both: the Lebanon HC's office has the task, due 2 days later (the DMN's
    // Flash Appeal row), and nothing is published yet.
    assertThat(appeal).isWaitingAt("Task_EndorseAppeal");
    var endorse = scenario.task(appeal, "Task_EndorseAppeal");
    assertThat(endorse).hasCandidateGroup("hc-LB");
    Assertions.assertThat(endorse.getDueDate().toInstant())
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2)));
    Assertions.assertThat(engine.getTaskService().getVariable(endorse.getId(), "signedOffBy"))
        .asString().startsWith("For the Humanitarian Coordinator's office of Lebanon. Signed off"
            + " for UNICEF by Nadine Khoury");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal")).isEmpty();

    // Another country's HC office cannot take it; a co-lead of the country cannot endorse.
    for (String wrong : List.of("co.hc", "lb.unicef")) {
      scenario.as(wrong);
      try {
        assertThatThrownBy(() -> engine.getTaskService().claim(endorse.getId(), wrong))
            .isInstanceOf(ProcessEngineException.class);
      } finally {
        scenario.asSystem();
      }
      Assertions.assertThat(scenario.task(appeal, "Task_EndorseAppeal").getAssignee())
          .as("after %s tried to claim it", wrong).isNull();
    }
    assertThatThrownBy(() -> scenario.submit("co.hc", appeal, "Task_EndorseAppeal",
        AppealScenario.endorsement("ENDORSE", null))).isInstanceOf(ProcessEngineException.class);

    // Sending back needs a reason, named by its label; nothing moves without one.
    assertThatThrownBy(() -> scenario.submit("lb.hc", appeal, "Task_EndorseAppeal",
        AppealScenario.endorsement("SEND_BACK", " ")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("Reason for sending back");
    assertThat(appeal).isWaitingAt("Task_EndorseAppeal");
    scenario.submit("lb.hc", appeal, "Task_EndorseAppeal", AppealScenario.endorsement(
        "SEND_BACK", "State how the second location is covered before I endorse"));

    // Back to the co-leads, who read the HC's reason, confirm and sign off again.
    assertThat(appeal).isWaitingAt("Task_ReviewConsolidation");
    Assertions.assertThat((String) engine.getTaskService().getVariable(
            scenario.task(appeal, "Task_ReviewConsolidation").getId(), "sentBackComment"))
        .startsWith("The Humanitarian Coordinator's office (Rima Nassar")
        .contains("State how the second location is covered before I endorse");
    scenario.submit("lb.unicef", appeal, "Task_ReviewConsolidation", Map.of(
        "consolidationDecision", "CONFIRM", "reviewComment", "Second location covered by phase 2"));
    scenario.signOffAndEndorse(appeal);
    assertThat(appeal).isWaitingAt("Task_GenerateAppealDocument");
    Endorsement endorsement = (Endorsement) scenario.variable(appeal, "endorsement");
    Assertions.assertThat(endorsement.decision()).isEqualTo("ENDORSE");

    // Published with the endorsement in the sign-off block, from the engine's record.
    scenario.publish(appeal);
    assertThat(appeal).hasPassed("Event_AppealPublished");
    StoredDocument pdf = documents.latest(appeal.getId(), "appeal").orElseThrow();
    try (var document = Loader.loadPDF(pdf.content())) {
      Assertions.assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains("It was then endorsed for the Humanitarian Coordinator by: ENDORSED BY Rima"
              + " Nassar", "Office of the Humanitarian Coordinator, Lebanon on November 22, 2026");
    }
  }

  @Test
  void anOverdueEndorsementGoesToTheGlobalCoLeadsAndTheHcKeepsTheTask() {
    ProcessInstance appeal = atSignOff();
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null));
    // Signed off as the call closed (2 days and a minute after NOW): due 2 days after that.
    Assertions.assertThat(scenario.task(appeal, "Task_EndorseAppeal").getDueDate().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(4)).plusSeconds(60));
    clock(NOW.plus(Duration.ofDays(4)).plusSeconds(120));
    scenario.runJob(appeal, "Event_EndorsementOverdue");
    assertThat(appeal).isWaitingAt("Task_EndorseAppeal", "Task_FollowUpOverdueEndorsement");
    var followUp = scenario.task(appeal, "Task_FollowUpOverdueEndorsement");
    assertThat(followUp).hasCandidateGroup("gec-global-coleads");
    Assertions.assertThat(engine.getTaskService().getVariableLocal(followUp.getId(),
        "missedDeadline")).isEqualTo("Missed deadline: the Humanitarian Coordinator's"
            + " endorsement, due 24 November 2026, 12:01 UTC (2 days after both co-leads signed"
            + " off). The HC's office still has the task.");
    // The HC endorses: the follow-up ends with the endorsement, the appeal is published.
    scenario.endorse(appeal);
    Assertions.assertThat(scenario.tasks(appeal, "Task_FollowUpOverdueEndorsement")).isEmpty();
    assertThat(appeal).isWaitingAt("Task_GenerateAppealDocument");
  }

  /** An appeal with one accepted project, waiting for the UNICEF sign-off. */
  private ProcessInstance atSignOff() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Learning spaces", "Beirut", learningSpaces()));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    return appeal;
  }

  /** Runs the document job as the job executor would, failing each time, until no retry is left. */
  private void failDocumentJobUntilIncident(ProcessInstance appeal, String because) {
    for (int attempt = 0; attempt < 5
        && scenario.job(appeal, "Task_GenerateAppealDocument").getRetries() > 0; attempt++) {
      String jobId = scenario.job(appeal, "Task_GenerateAppealDocument").getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
          .hasMessageContaining(because);
    }
  }

  /** A co-lead who belongs to both organisations, as happens in small country teams. */
  private void dualMember() {
    User dual = engine.getIdentityService().createUserQuery().userId("lb.dual").singleResult();
    if (dual == null) {
      dual = engine.getIdentityService().newUser("lb.dual");
      dual.setFirstName("Dual");
      dual.setLastName("Member (test)");
      engine.getIdentityService().saveUser(dual);
      for (String group : List.of("coleads-LB", "org-unicef", "org-save-the-children")) {
        engine.getIdentityService().createMembership("lb.dual", group);
      }
    }
  }

  @Test
  void aRevisedVersionNeedsItsOwnFourEyesSignOff() {
    dualMember();
    ProcessInstance appeal = atSignOff();
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    scenario.as("lb.unicef");
    appeals.decideRevision(appeal.getId(), RevisionDecision.REVISE_NOW, "The JENA is in");
    scenario.asSystem();
    scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal", AppealScenario.revision(
        "The JENA confirms the rapid assessment", 0, "", "", 0));
    assertThat(appeal).isWaitingAt("Task_SignOffUnicef");

    // Version 1's two signers count for nothing now: version 2 needs two people again.
    scenario.submit("lb.dual", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    assertThatThrownBy(() -> scenario.submit("lb.dual", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("four eyes need a second person");

    // And the record decides: with version 2's second sign-off skipped by an administrator,
    // nothing is published, although version 1 had both.
    scenario.asSystem();
    engine.getRuntimeService().createProcessInstanceModification(appeal.getId())
        .cancelAllForActivity("Task_SignOffSaveTheChildren")
        .startBeforeActivity("Task_GenerateAppealDocument").execute();
    failDocumentJobUntilIncident(appeal, "is not published");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal").orElseThrow().version())
        .isEqualTo(1);
  }

  @Test
  void aRevisionWithNoNewCallOpensNoPartnerTaskAndGoesStraightToConsolidation() {
    ProcessInstance appeal = atSignOff();
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    scenario.as("lb.unicef");
    appeals.decideRevision(appeal.getId(), RevisionDecision.REVISE_NOW, "The JENA is in");
    scenario.asSystem();
    scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal", AppealScenario.revision(
        "The JENA confirms the rapid assessment", 0, "", "", 0));

    // No partner sees a task that the passed deadline would take away a second later.
    Assertions.assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(appeal.getBusinessKey()).taskDefinitionKey("Task_SubmitProject")
        .list()).isEmpty();
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(appeal.getId()).list()).isEmpty();
    assertThat(appeal).hasPassed("Task_ConsolidateRequirements").isWaitingAt("Task_SignOffUnicef");
  }

  @Test
  void aRevisionNamingWhatIsNotAnAcceptedProjectIsRefusedAndChangesNothing() {
    ProcessInstance appeal = atSignOff();
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    clock(NOW.plus(Duration.ofDays(40)));
    scenario.runJob(appeal, "Event_RevisionDue");
    Object projectsBefore = scenario.variable(appeal, "projects");

    assertThatThrownBy(() -> scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal",
        AppealScenario.revision("JENA", 0, "LB-EDU-009 = 1000", "LB-EDU-007", 0)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Projects withdrawn").hasMessageContaining("LB-EDU-007")
        .hasMessageContaining("Budgets: one line per project");
    assertThatThrownBy(() -> scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal",
        AppealScenario.revision("JENA", 0, "LB-EDU-001 = 0", "", 90)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("withdraw the project instead").hasMessageContaining("New call for partner projects");
    assertThatThrownBy(() -> scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal",
        AppealScenario.revision(" ", 0, "", "", 0)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("What the JENA found");

    assertThat(appeal).isWaitingAt("Task_ReviseAppeal");
    Assertions.assertThat(scenario.variable(appeal, "projects")).isEqualTo(projectsBefore);
  }

  @Test
  void anAppealMovedPastItsSignOffsWithAForgedRecordIsNeverPublished() {
    ProcessInstance appeal = atSignOff();
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", "For UNICEF"));

    // What only an administrator can still do: skip the second sign-off and write its record.
    scenario.asSystem();
    engine.getRuntimeService().createProcessInstanceModification(appeal.getId())
        .cancelAllForActivity("Task_SignOffSaveTheChildren")
        .startBeforeActivity("Task_GenerateAppealDocument").execute();
    SignOffs forged = ((SignOffs) scenario.variable(appeal, "signOffs")).with(new SignOff(
        "SAVE_THE_CHILDREN", "lb.savethechildren", "Karim Saleh", true, null, NOW.toString()));
    engine.getRuntimeService().setVariable(appeal.getId(), "signOffs", JsonVariables.json(forged));
    engine.getRuntimeService().setVariable(appeal.getId(), "signedOff", true);

    failDocumentJobUntilIncident(appeal, "is not published");
    var incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(appeal.getId()).singleResult();
    Assertions.assertThat(incident.getIncidentMessage()).contains("is not published")
        .contains("Save the Children");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal")).isEmpty();
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(appeal.getId()).processDefinitionKey("appealDonorDelivery")
        .count()).isZero();
  }

  @Test
  void oneCoLeadCannotSignOffForBothOrganisations() {
    ProcessInstance appeal = atSignOff();
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", null));
    assertThatThrownBy(() -> scenario.submit("lb.unicef", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null))).hasMessageContaining("org-save-the-children");
    scenario.asSystem();
    assertThat(appeal).isWaitingAt("Task_SignOffSaveTheChildren");
  }

  @Test
  void documentFailureIsRetriedThenBecomesAnIncidentAndTheAppealWaitsAtTheStep() {
    ProcessInstance appeal = atSignOff();
    scenario.signOffAndEndorse(appeal);

    AppealTrigger trigger = (AppealTrigger) scenario.variable(appeal, "trigger");
    AppealTrigger broken = new AppealTrigger(trigger.country(), trigger.emergencyType(),
        trigger.onset(), trigger.affectedAreas(), "NO_SUCH_TYPE", trigger.situationSummary(),
        trigger.peopleAffected(), trigger.schoolsAffected(), trigger.language());
    engine.getRuntimeService().setVariable(appeal.getId(), "trigger", JsonVariables.json(broken));

    var management = engine.getManagementService();
    failDocumentJobUntilIncident(appeal, "NO_SUCH_TYPE");
    var incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(appeal.getId()).singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_GenerateAppealDocument");
    Assertions.assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    assertThat(appeal).isNotEnded().isWaitingAt("Task_GenerateAppealDocument");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal")).isEmpty();

    // An operator fixes the data in Cockpit and retries: the appeal completes.
    engine.getRuntimeService().setVariable(appeal.getId(), "trigger", JsonVariables.json(trigger));
    management.setJobRetries(scenario.job(appeal, "Task_GenerateAppealDocument").getId(), 1);
    scenario.runJob(appeal, "Task_GenerateAppealDocument");
    scenario.runDonorDelivery(appeal);
    assertThat(appeal).hasPassed("Event_AppealPublished");
    Assertions.assertThat(documents.latest(appeal.getId(), "appeal")).isPresent();
  }

  @Test
  void documentIsWrittenInTheLanguageChosenAtTheTrigger() throws IOException {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("language", "fr");
    ProcessInstance appeal = scenario.start(trigger);
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    scenario.submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment", assessment());
    scenario.submit("lb.unicef", appeal, "Task_DraftResponsePlan", plan("TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT"));
    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Espaces d'apprentissage", "Beirut", learningSpaces()));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.runJob(appeal, "Task_GenerateAppealDocument");

    StoredDocument pdf = documents.latest(appeal.getId(), "appeal").orElseThrow();
    try (var document = Loader.loadPDF(pdf.content())) {
      Assertions.assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
      Assertions.assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains("Appel éclair", "Lebanese Education Association LEA ONG nationale");
    }
  }
}
