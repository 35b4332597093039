package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.eie.workflows.Processes;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Service;

/** The strategic planning cycles a caller may see: stage, year, reviews, approvals. */
@Service
class PlanningReads {

  /** The timers that open the six-month and year-end reviews. */
  private static final Set<String> REVIEW_TIMERS = Set.of("Event_MidYear", "Event_YearEnd");
  private static final Set<String> REVIEW_TASKS = Set.of("Task_MidYearReview",
      "Task_MidTermReview", "Task_YearEndReview");

  private final HistoryService history;
  private final ManagementService management;
  private final EngineReads reads;

  PlanningReads(HistoryService history, ManagementService management, EngineReads reads) {
    this.history = history;
    this.management = management;
    this.reads = reads;
  }

  record OverdueTask(String name, Instant dueAt, long daysOverdue) {
  }

  record Approval(int round, String plan, String organisation, String userId, boolean approved,
      String reason, String at) {
  }

  /**
   * @param currentYear   the implementation year under way (null before implementation)
   * @param nextReviewAt  the next progress review: the open review's due date, or when the
   *                      next one opens
   */
  record Cycle(String id, String businessKey, String label, Integer firstYear, Integer lastYear,
      String status, Instant startedAt, Instant endedAt, List<String> stage, Integer currentYear,
      Instant nextReviewAt, List<OverdueTask> overdueReviews, boolean ineeApproved,
      boolean clusterApproved, List<Approval> approvals) {
  }

  PageOf<Cycle> page(String status, int page, int size) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Processes.PLANNING).orderByProcessInstanceStartTime().desc();
    if ("OPEN".equalsIgnoreCase(status)) {
      query.unfinished();
    } else if (status != null) {
      query.finished();
    }
    long total = query.count();
    List<Cycle> cycles = query.listPage(page * size, size).stream().map(this::cycle).toList();
    return new PageOf<>(cycles, page, size, total);
  }

  List<Cycle> open() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PLANNING)
        .orderByProcessInstanceStartTime().desc().listPage(0, 20).stream().map(this::cycle)
        .toList();
  }

  Optional<Cycle> detail(String id) {
    return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(id)
        .processDefinitionKey(Processes.PLANNING).singleResult()).map(this::cycle);
  }

  private Cycle cycle(HistoricProcessInstance instance) {
    String id = instance.getId();
    StoredVariables values = reads.variables(List.of(id), "cycleLabel", "firstYear",
        "lastYear", "ineeApproved", "clusterApproved", "approvals").get(id);
    Integer firstYear = year(values, "firstYear");
    long yearsStarted = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId("Task_DraftAnnualWorkPlan").count();
    Integer currentYear = firstYear == null || yearsStarted == 0 || instance.getEndTime() != null
        ? null : firstYear + (int) yearsStarted - 1;
    Instant now = EngineReads.now();
    var openReviews = instance.getEndTime() != null ? List.<org.camunda.bpm.engine.history.HistoricTaskInstance>of()
        : history.createHistoricTaskInstanceQuery().processInstanceId(id).unfinished()
            .taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new)).list();
    List<OverdueTask> overdue = openReviews.stream()
        .filter(task -> task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now))
        .map(task -> new OverdueTask(reads.stepName(task), task.getDueDate().toInstant(),
            Duration.between(task.getDueDate().toInstant(), now).toDays()))
        .toList();
    Instant nextReview = openReviews.stream().map(task -> task.getDueDate())
        .filter(Objects::nonNull).map(date -> date.toInstant()).min(Comparator.naturalOrder())
        .orElseGet(() -> instance.getEndTime() == null ? nextReviewTimer(id) : null);
    List<Approval> approvals = new java.util.ArrayList<>();
    JsonNode decisions = Optional.ofNullable(values.object("approvals"))
        .map(node -> node.path("decisions")).orElse(null);
    if (decisions != null) {
      decisions.forEach(node -> approvals.add(new Approval(node.path("round").asInt(),
          EngineReads.text(node, "plan"), EngineReads.text(node, "organisation"),
          EngineReads.text(node, "userId"), node.path("approved").asBoolean(),
          EngineReads.text(node, "reason"), EngineReads.text(node, "at"))));
    }
    return new Cycle(id, instance.getBusinessKey(), values.text("cycleLabel"), firstYear,
        year(values, "lastYear"),
        instance.getEndTime() == null ? "OPEN" : "CLOSED", instance.getStartTime().toInstant(),
        instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
        instance.getEndTime() == null ? reads.stage(id) : List.of(), currentYear, nextReview,
        overdue, Boolean.TRUE.equals(values.flag("ineeApproved")),
        Boolean.TRUE.equals(values.flag("clusterApproved")), approvals);
  }

  private static Integer year(StoredVariables values, String name) {
    return values.read(name, value -> value instanceof Number n ? n.intValue()
        : StoredVariables.fail());
  }

  /** When the next review opens: the due date of the cycle's waiting review timer. */
  private Instant nextReviewTimer(String id) {
    List<Job> timers = management.createJobQuery().processInstanceId(id).timers().list();
    if (timers.isEmpty()) {
      return null;
    }
    Set<String> reviewDefinitions = management.createJobDefinitionQuery()
        .processDefinitionKey(Processes.PLANNING).list().stream()
        .filter(definition -> REVIEW_TIMERS.contains(definition.getActivityId()))
        .map(JobDefinition::getId).collect(Collectors.toSet());
    return timers.stream().filter(job -> reviewDefinitions.contains(job.getJobDefinitionId()))
        .map(job -> job.getDuedate().toInstant()).min(Comparator.naturalOrder()).orElse(null);
  }
}
