package org.eie.workflows.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.variables.JsonVariables;

/**
 * Drives an appeal through the engine as the demo users would in Tasklist: each step submits the
 * task's form as that user (authorization and tenant checks on), jobs run as the engine's own.
 */
public final class AppealScenario {

  /** The engine's "now" for every scenario: a fixed moment, moved by the tests. */
  public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  /** To the minute, as a co-lead types it (10:08 UTC): the document must not round it. */
  static final Instant ONSET = NOW.minus(Duration.ofMinutes(112));
  static final Instant SUBMISSION_DEADLINE = NOW.plus(Duration.ofDays(2));

  final ProcessEngine engine;

  public AppealScenario(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Acts as a user, with their groups and country tenants, as the security layer would. */
  public void as(String userId) {
    engine.getIdentityService().clearAuthentication();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId)
        .list().stream().map(Group::getId).toList();
    List<String> tenants = new ArrayList<>();
    engine.getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).forEach(tenants::add);
    engine.getIdentityService().setAuthentication(userId, groups, tenants);
  }

  public void asSystem() {
    engine.getIdentityService().clearAuthentication();
  }

  public static void clock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static Map<String, Object> trigger() {
    Map<String, Object> trigger = new HashMap<>();
    trigger.put("country", "LB");
    trigger.put("emergencyType", "Explosion");
    trigger.put("onset", ONSET.toString());
    trigger.put("affectedAreas", "Beirut\nبرج حمود\nMount Lebanon");
    trigger.put("appealType", "FLASH_APPEAL");
    trigger.put("situationSummary", "A large explosion in the port damaged schools across Beirut.");
    trigger.put("peopleAffected", 300000L);
    trigger.put("schoolsAffected", 159L);
    return trigger;
  }

  ProcessInstance start() {
    return start(trigger());
  }

  public ProcessInstance start(Map<String, Object> trigger) {
    return start("lb.unicef", trigger);
  }

  /** Triggered by a co-lead of the trigger's country. */
  public ProcessInstance start(String coLead, Map<String, Object> trigger) {
    as(coLead);
    try {
      return engine.getRuntimeService().createProcessInstanceByKey("emergencyFundingAppeal")
          .businessKey("SCENARIO-" + System.nanoTime()).setVariables(trigger).execute();
    } finally {
      asSystem();
    }
  }

  /**
   * Started by a co-lead as Tasklist and the API do, with its readable key (country, onset day,
   * short reference): returns the key.
   */
  String startWithItsOwnKey(String coLead, Map<String, Object> trigger) {
    as(coLead);
    try {
      return engine.getRuntimeService().createProcessInstanceByKey("emergencyFundingAppeal")
          .businessKey(AppealService.businessKey(trigger.get("country"), trigger.get("onset")))
          .setVariables(trigger).execute().getBusinessKey();
    } finally {
      asSystem();
    }
  }

  public Task task(ProcessInstance appeal, String taskKey) {
    asSystem();
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(appeal.getBusinessKey()).taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open " + taskKey + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  List<Task> tasks(ProcessInstance appeal, String taskKey) {
    asSystem();
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(appeal.getBusinessKey())
        .taskDefinitionKey(taskKey).list();
  }

  /** Submits the task's form as the user, as Tasklist does. */
  public void submit(String userId, Task task, Map<String, Object> form) {
    as(userId);
    try {
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      asSystem();
    }
  }

  public void submit(String userId, ProcessInstance appeal, String taskKey, Map<String, Object> form) {
    submit(userId, task(appeal, taskKey), form);
  }

  public Job job(ProcessInstance appeal, String activityId) {
    asSystem();
    return engine.getManagementService().createJobQuery().processInstanceId(appeal.getId())
        .activityId(activityId).singleResult();
  }

  void runJob(ProcessInstance appeal, String activityId) {
    Job job = job(appeal, activityId);
    if (job == null) {
      throw new AssertionError("No job at " + activityId);
    }
    engine.getManagementService().executeJob(job.getId());
  }

  // The forms, as the co-leads and partners fill them in.

  public static Map<String, Object> go() {
    return new HashMap<>(Map.of("activated", "true", "activationReason",
        "Flash Appeal requested by the HC", "appealLead", "UNICEF"));
  }

  public static Map<String, Object> assessment() {
    Map<String, Object> form = new HashMap<>();
    form.put("girlsInNeed", 60000L);
    form.put("boysInNeed", 55000L);
    form.put("withDisabilitiesInNeed", 4000L);
    form.put("migrantsInNeed", 20000L);
    form.put("schoolsDamaged", 159L);
    form.put("schoolsDestroyed", 12L);
    form.put("schoolsUsedAsShelters", 20L);
    form.put("teachersAffected", 4000L);
    form.put("assessedAreas", "Beirut\nبرج حمود\nMount Lebanon");
    form.put("dataGaps", "Teachers affected in Mount Lebanon not yet counted");
    return form;
  }

  static Map<String, Object> plan(String... activities) {
    Map<String, Object> form = new HashMap<>();
    form.put("objectives", "Children return to learning within 30 days\nTeachers supported");
    form.put("priorityActivities", JsonVariables.forForm(List.of(activities)));
    form.put("targetGirls", 30000L);
    form.put("targetBoys", 28000L);
    form.put("targetFemaleTeachers", 900L);
    form.put("targetMaleTeachers", 600L);
    form.put("targetWithDisabilities", 2000L);
    form.put("indicativeRequirementUsd", 5000000.0);
    form.put("indicatorTemporaryLearningSpaces", "Children attending temporary learning spaces");
    form.put("activityTargetTemporaryLearningSpaces", 12000L);
    form.put("requirementTemporaryLearningSpaces", 2400000.0);
    form.put("indicatorPsychosocialSupport", "Children reached with psychosocial support");
    form.put("requirementPsychosocialSupport", 1100000.0);
    form.put("submissionDeadline", SUBMISSION_DEADLINE.toString());
    return form;
  }

  /** The submission form of "Submit a partner project" (the organisation comes from the registry). */
  public static Map<String, Object> project(String title, String location, Map<String, Object> budgets) {
    return project(null, title, location, budgets);
  }

  /**
   * The form, naming the organisation ({@code partnerOrganisation}: id, acronym or name), as a
   * user of several organisations must; null leaves it out.
   */
  public static Map<String, Object> project(String partner, String title, String location,
      Map<String, Object> budgets) {
    Map<String, Object> form = new HashMap<>(budgets);
    if (partner != null) {
      form.put("partnerOrganisation", partner);
    }
    form.put("projectTitle", title);
    form.put("locations", location);
    form.put("girls", 1200L);
    form.put("boys", 1100L);
    form.put("femaleTeachers", 40L);
    form.put("maleTeachers", 20L);
    form.put("withDisabilities", 150L);
    form.put("durationMonths", 6L);
    return form;
  }

  static Map<String, Object> vetting(String decision, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("strategicRelevance", 5L);
    form.put("programmaticRelevance", 4L);
    form.put("costEffectiveness", 3L);
    form.put("managementAndMonitoring", 4L);
    form.put("accountability", 5L);
    form.put("vettingDecision", decision);
    form.put("vettingComment", comment);
    return form;
  }

  public static Map<String, Object> signOff(String decision, String comment) {
    return decision("signOffDecision", decision, "signOffComment", comment);
  }

  /** A decision form: the decision, and its comment when there is one. */
  private static Map<String, Object> decision(String decisionField, String decision,
      String commentField, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put(decisionField, decision);
    if (comment != null) {
      form.put(commentField, comment);
    }
    return form;
  }

  /** Trigger to the open call for projects: activation, assessment and plan done. */
  public ProcessInstance openCall(String... activities) {
    return openCall(trigger(), activities);
  }

  /** Trigger to the open call for projects of an appeal with its own trigger. */
  public ProcessInstance openCall(Map<String, Object> trigger, String... activities) {
    ProcessInstance appeal = start(trigger);
    submit("lb.unicef", appeal, "Task_ConfirmActivation", go());
    submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment", assessment());
    submit("lb.unicef", appeal, "Task_DraftResponsePlan", plan(activities));
    return appeal;
  }

  /** Closes the call: the submission deadline passes and its timer fires. */
  public void closeCall(ProcessInstance appeal) {
    clock(SUBMISSION_DEADLINE.plus(Duration.ofMinutes(1)));
    runJob(appeal, "Event_SubmissionClosed");
  }

  public void vetAll(ProcessInstance appeal, String decision) {
    for (Task task : tasks(appeal, "Task_VetProject")) {
      submit("lb.savethechildren", task, vetting(decision, "Scored by the panel"));
    }
  }

  /**
   * A Lebanon appeal with one partner project, vetted, consolidated and signed off for UNICEF by
   * {@code lb.unicef}: waiting for the Save the Children sign-off.
   */
  public ProcessInstance signedForUnicef() {
    clock(NOW);
    ProcessInstance appeal = openCall("TEMPORARY_LEARNING_SPACES");
    submit("partner.lb", appeal, "Task_SubmitProject", project(
        "Lebanese Education Association", "Learning spaces in Burj Hammoud", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    closeCall(appeal);
    vetAll(appeal, "ACCEPT");
    submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", "For UNICEF"));
    asSystem();
    return appeal;
  }

  /**
   * Both co-leads sign off (UNICEF, then Save the Children) and the Humanitarian Coordinator's
   * office of Lebanon endorses: the appeal waits for its document.
   */
  public void signOffAndEndorse(ProcessInstance appeal) {
    submit("lb.unicef", appeal, "Task_SignOffUnicef", signOff("APPROVE", "For UNICEF"));
    submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        signOff("APPROVE", null));
    endorse(appeal);
  }

  /** The HC's office of Lebanon ({@code lb.hc}) endorses the signed-off appeal. */
  public void endorse(ProcessInstance appeal) {
    submit("lb.hc", appeal, "Task_EndorseAppeal", endorsement("ENDORSE", null));
  }

  public static Map<String, Object> endorsement(String decision, String reason) {
    return decision("endorsementDecision", decision, "endorsementReason", reason);
  }

  /** The donor delivery the appeal's "Distribute to donors" step started. */
  ProcessInstance donorDelivery(ProcessInstance appeal) {
    asSystem();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(appeal.getId()).singleResult();
  }

  /**
   * Runs the donor delivery's jobs, as the job executor would, until it has finished (with no
   * donor subscribed to the appeal it ends at once; the donors' own tests cover sending).
   */
  void runDonorDelivery(ProcessInstance appeal) {
    ProcessInstance delivery = donorDelivery(appeal);
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(delivery.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("The donor delivery of " + appeal.getId() + " did not finish");
  }

  /** The signed-off appeal's document is generated and handed to the donors. */
  void publish(ProcessInstance appeal) {
    runJob(appeal, "Task_GenerateAppealDocument");
    runDonorDelivery(appeal);
  }

  /**
   * "Revise the appeal" as the co-leads fill it in after the JENA: the published needs with
   * {@code moreGirls} more girls in need, and the given project changes.
   */
  static Map<String, Object> revision(String reason, long moreGirls, String projectBudgets,
      String withdrawProjects, long newCallDays) {
    Map<String, Object> form = assessment();
    form.put("girlsInNeed", (Long) form.get("girlsInNeed") + moreGirls);
    form.put("revisionReason", reason);
    form.put("projectBudgets", projectBudgets);
    form.put("withdrawProjects", withdrawProjects);
    form.put("newCallDays", newCallDays);
    return form;
  }

  /** The revision's call for projects closes: its deadline passes and the timer fires. */
  void closeRevisionCall(ProcessInstance appeal, Duration open) {
    clock(ClockUtil.getCurrentTime().toInstant().plus(open).plus(Duration.ofMinutes(1)));
    runJob(appeal, "Event_SubmissionClosed");
  }

    Object variable(ProcessInstance appeal, String name) {
    asSystem();
    return engine.getRuntimeService().getVariable(appeal.getId(), name);
  }
}
