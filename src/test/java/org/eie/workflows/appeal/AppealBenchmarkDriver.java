package org.eie.workflows.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one appeal through every human task as the demo users would in Tasklist (form
 * submissions with authorization and tenant checks on), for the benchmark: activation, needs
 * assessment, response plan, five partner projects, five vettings (all within the plan, so
 * consolidation needs no review) and both sign-offs. The appeal then waits at its asynchronous document step, which the benchmark does
 * not run (it measures human steps). Unlike the scenario tests it never moves the engine clock,
 * so several threads can drive appeals at once.
 */
public final class AppealBenchmarkDriver {

  /** Human task completions per appeal: the bare benchmark process has as many user tasks. */
  public static final int USER_TASKS = 15;
  private static final int PROJECTS = 5;
  private static final String[] ACTIVITIES = {"TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT"};

  private final ProcessEngine engine;
  /** User -> (groups, tenants), looked up once as a Tasklist session would. */
  private final Map<String, List<List<String>>> sessions = new ConcurrentHashMap<>();

  public AppealBenchmarkDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public void runOneAppeal(int sequence) {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("onset", Instant.now().minus(Duration.ofHours(2)).toString());
    ProcessInstance appeal = as("lb.unicef", () -> engine.getRuntimeService()
        .createProcessInstanceByKey("emergencyFundingAppeal")
        .businessKey("BENCH-" + sequence + "-" + java.util.UUID.randomUUID())
        .setVariables(trigger).execute());
    submit("lb.unicef", appeal, "Task_ConfirmActivation", AppealScenario.go());
    submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment", AppealScenario.assessment());
    Map<String, Object> plan = AppealScenario.plan(ACTIVITIES);
    plan.put("submissionDeadline", Instant.now().plus(Duration.ofDays(2)).toString());
    submit("lb.unicef", appeal, "Task_DraftResponsePlan", plan);
    for (int project = 1; project <= PROJECTS; project++) {
      Map<String, Object> budgets = new HashMap<>();
      budgets.put("budgetTemporaryLearningSpaces", 120000.0 + project);
      budgets.put("budgetPsychosocialSupport", 30000.0);
      submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
          "Back to learning " + project, "Beirut", budgets));
    }
    // The submission deadline passes: its timer is executed now rather than waited for.
    Job deadline = engine.getManagementService().createJobQuery()
        .processInstanceId(appeal.getId()).activityId("Event_SubmissionClosed").singleResult();
    engine.getManagementService().executeJob(deadline.getId());
    for (Task vetting : tasks(appeal, "Task_VetProject")) {
      submit("lb.savethechildren", vetting, AppealScenario.vetting("ACCEPT", "Scored"));
    }
    submit("lb.unicef", appeal, "Task_SignOffUnicef",
        AppealScenario.signOff("APPROVE", "For UNICEF"));
    submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    submit("lb.hc", appeal, "Task_EndorseAppeal", AppealScenario.endorsement("ENDORSE", null));
  }

  private void submit(String user, ProcessInstance appeal, String taskKey,
      Map<String, Object> form) {
    List<Task> open = tasks(appeal, taskKey);
    if (open.size() != 1) {
      throw new IllegalStateException("Expected one " + taskKey + ", found " + open.size());
    }
    submit(user, open.get(0), form);
  }

  private void submit(String user, Task task, Map<String, Object> form) {
    as(user, () -> {
      engine.getFormService().submitTaskForm(task.getId(), form);
      return null;
    });
  }

  private List<Task> tasks(ProcessInstance appeal, String taskKey) {
    // By business key: the appeal's tasks and those of the sub-processes it calls share it.
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(appeal.getBusinessKey()).taskDefinitionKey(taskKey).list();
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<List<String>> session = sessions.computeIfAbsent(user, id -> List.of(
        identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
        new ArrayList<>(identity.createTenantQuery().userMember(id).includingGroupsOfUser(true)
            .list().stream().map(Tenant::getId).toList())));
    identity.setAuthentication(user, session.get(0), session.get(1));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
