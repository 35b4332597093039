package org.eie.workflows.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.eie.workflows.Processes;
import org.eie.workflows.appeal.AppealRecords;
import org.eie.workflows.dashboard.AppealReads.Appeal;
import org.eie.workflows.dashboard.AppealReads.Filter;
import org.eie.workflows.identity.EieProperties;
import org.springframework.stereotype.Component;

/**
 * Where each appeal stands, decided in one place: its status (open, published, not activated,
 * cancelled, closed), its deadlines and whether it is overdue, the lists' order, the counts, and
 * which open tasks are late. The dashboard's header, its table per country, its rows and their
 * order, the read API and the exports all ask this class, so no two of them can disagree: an
 * appeal is overdue exactly when one of its {@link Deadline}s is.
 */
@Component
class AppealStanding {

  private static final String ASSESSMENT = "Task_RapidNeedsAssessment";
  private static final String LAST_SIGN_OFF = "Task_SignOffSaveTheChildren";
  /** The Humanitarian Coordinator's endorsement, which follows the last sign-off. */
  private static final String ENDORSEMENT = "Task_EndorseAppeal";
  private static final String CANCELLED_END = "Event_Cancelled";
  private static final int CHUNK = 500;

  /** Overdue first, then open, each by trigger date, oldest first. */
  static final Comparator<Appeal> ORDER = Comparator.comparing((Appeal appeal) -> !appeal.overdue())
      .thenComparing(appeal -> !appeal.open())
      .thenComparing(Appeal::startedAt)
      .thenComparing(Appeal::id);

  private final HistoryService history;
  private final AppealRecords records;
  private final EieProperties properties;

  AppealStanding(HistoryService history, AppealRecords records, EieProperties properties) {
    this.history = history;
    this.records = records;
    this.properties = properties;
  }

  /** How many appeals, of them open, overdue (open and past a deadline) and cancelled. */
  record Tally(long total, long open, long overdue, long cancelled) {
    static final Tally NONE = new Tally(0, 0, 0, 0);

    Tally plus(Appeal appeal) {
      return plus(new Tally(1, appeal.open() ? 1 : 0, appeal.overdue() ? 1 : 0,
          "CANCELLED".equals(appeal.status()) ? 1 : 0));
    }

    Tally plus(Tally other) {
      return new Tally(total + other.total, open + other.open, overdue + other.overdue,
          cancelled + other.cancelled);
    }
  }

  /** The tally of a list, in all and per country (country code, in code order). */
  record Counts(Tally all, Map<String, Tally> byCountry) {
    static Counts of(List<Appeal> appeals) {
      Tally all = Tally.NONE;
      Map<String, Tally> byCountry = new TreeMap<>();
      for (Appeal appeal : appeals) {
        all = all.plus(appeal);
        byCountry.merge(appeal.country() == null ? "—" : appeal.country(),
            Tally.NONE.plus(appeal), Tally::plus);
      }
      return new Counts(all, byCountry);
    }
  }

  /**
   * The appeals a caller sees, filtered and in the lists' order, with their status and
   * deadlines (emergency, stage and funding are read only for the page shown: {@link
   * AppealReads#completed}), and their counts.
   */
  record Listing(List<Appeal> ordered, Counts counts) {
  }

  /** Open tasks past their deadline, by country (tenant) and by process. */
  record OverdueTasks(Map<String, Long> byCountry, Map<String, Long> byProcess, long total) {
  }

  Listing listing(Filter filter) {
    List<Appeal> appeals = appeals(query(filter).list(), null).stream()
        .filter(appeal -> filter.status() == null
            || Set.of("OPEN", "CLOSED").contains(filter.status())
            || appeal.status().equals(filter.status()))
        .filter(appeal -> filter.overdue() == null || appeal.overdue() == filter.overdue())
        .sorted(ORDER)
        .toList();
    return new Listing(appeals, Counts.of(appeals));
  }

  private HistoricProcessInstanceQuery query(Filter filter) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Processes.APPEAL);
    if (filter.country() != null) {
      query.tenantIdIn(filter.country());
    }
    if ("OPEN".equals(filter.status())) {
      query.unfinished();
    } else if (filter.status() != null) {
      query.finished();
    }
    if (filter.appealType() != null) {
      AppealRecords.ofType(query, filter.appealType());
    }
    return query;
  }

  /**
   * Each appeal with its status and deadlines (read in bulk: one variable read and one task
   * read per 500 appeals); {@code singleId}: the one appeal of a detail.
   */
  List<Appeal> appeals(List<HistoricProcessInstance> instances, String singleId) {
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, AppealRecords.Facts> facts = records.facts(ids);
    Map<String, Instant> assessed = new HashMap<>();
    Map<String, Instant> prepared = new HashMap<>();
    stepsDone(singleId, instances, facts, assessed, prepared);
    Set<String> cancelled = cancelled(instances);
    Instant now = EngineReads.now();
    List<Appeal> appeals = new ArrayList<>(instances.size());
    for (HistoricProcessInstance instance : instances) {
      AppealRecords.Facts values = facts.get(instance.getId());
      boolean ended = instance.getEndTime() != null;
      List<Deadline> deadlines = Stream.of(
          Deadline.of("assessment", values.assessmentDue(),
              assessed.get(instance.getId()), ended, now),
          Deadline.closing("submission", values.submissionDeadline(), ended, now),
          Deadline.of("publication", values.publicationDeadline(),
              prepared.get(instance.getId()), ended, now),
          // When the published version's revision falls due; gone while a revision is under way.
          Deadline.closing("revision", values.revisionDue(), ended, now))
          .filter(Objects::nonNull).toList();
      Deadline next = deadlines.stream().filter(Deadline::open)
          .min(Comparator.comparing(Deadline::dueAt)).orElse(null);
      Instant onset = values.onset();
      String country = instance.getTenantId();
      appeals.add(new Appeal(instance.getId(), instance.getBusinessKey(), country,
          country == null ? null : properties.countries().get(country),
          null, values.appealType(),
          onset, onset == null || ended ? null : Duration.between(onset, now).toDays(),
          status(instance, cancelled.contains(instance.getId())),
          instance.getStartTime().toInstant(),
          ended ? instance.getEndTime().toInstant() : null, List.of(), deadlines, next,
          deadlines.stream().anyMatch(Deadline::overdue), null, values.damaged()));
    }
    return appeals;
  }

  /**
   * The ended appeals that the co-leads cancelled. The cancellation is an event sub-process, so
   * the engine records no end activity of the process for it: its end event is looked for.
   */
  private Set<String> cancelled(List<HistoricProcessInstance> instances) {
    List<String> ended = instances.stream().filter(instance -> instance.getEndTime() != null)
        .map(HistoricProcessInstance::getId).toList();
    Set<String> cancelled = new HashSet<>();
    for (int from = 0; from < ended.size(); from += CHUNK) {
      history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(ended.subList(from,
              Math.min(ended.size(), from + CHUNK))))
          .executedActivityIdIn(CANCELLED_END).list()
          .forEach(instance -> cancelled.add(instance.getId()));
    }
    return cancelled;
  }

  private static String status(HistoricProcessInstance instance, boolean cancelled) {
    if (instance.getEndTime() == null) {
      return "OPEN";
    }
    if (cancelled) {
      return "CANCELLED";
    }
    String end = instance.getEndActivityId();
    // Published, then closed with or without revisions (appeals ended at "Appeal published"
    // before revisions existed).
    if ("Event_AppealPublished".equals(end) || "Event_AppealClosed".equals(end)
        || "Event_AppealClosedAtRevision".equals(end)) {
      return "PUBLISHED";
    }
    if ("Event_NotActivated".equals(end)) {
      return "NOT_ACTIVATED";
    }
    if (CANCELLED_END.equals(end)) {
      return "CANCELLED";
    }
    return "CLOSED";
  }

  /**
   * When each appeal's assessment was done, and when its preparation ended (the Save the
   * Children sign-off that approved it, the last step before "Appeal signed off"), in one read
   * of the task history, which is far smaller than the activity history.
   */
  private void stepsDone(String singleId, List<HistoricProcessInstance> instances,
      Map<String, AppealRecords.Facts> facts, Map<String, Instant> assessed,
      Map<String, Instant> prepared) {
    List<HistoricTaskInstance> tasks = new ArrayList<>();
    if (singleId != null) {
      tasks.addAll(stepTasks().processInstanceId(singleId).list());
    } else {
      List<String> keys = instances.stream().map(HistoricProcessInstance::getBusinessKey)
          .filter(Objects::nonNull).distinct().toList();
      for (int from = 0; from < keys.size(); from += CHUNK) {
        tasks.addAll(stepTasks().processInstanceBusinessKeyIn(keys.subList(from,
            Math.min(keys.size(), from + CHUNK)).toArray(String[]::new)).list());
      }
      if (instances.stream().anyMatch(instance -> instance.getBusinessKey() == null)) {
        tasks.clear(); // an appeal without a business key: read them all
        tasks.addAll(stepTasks().list());
      }
    }
    Map<String, HistoricTaskInstance> lastSignOff = new HashMap<>();
    for (HistoricTaskInstance task : tasks) {
      String appeal = task.getProcessInstanceId();
      if (ASSESSMENT.equals(task.getTaskDefinitionKey())) {
        if ("completed".equals(task.getDeleteReason())) {
          assessed.merge(appeal, task.getEndTime().toInstant(),
              (a, b) -> a.isAfter(b) ? a : b);
        }
      } else {
        lastSignOff.merge(appeal, task, (a, b) -> a.getStartTime().after(b.getStartTime()) ? a : b);
      }
    }
    // The preparation is over when the newest decision approved it: the HC's endorsement, which
    // opens as the last sign-off approves; an appeal on a diagram without the endorsement ends
    // with its last sign-off.
    lastSignOff.forEach((appeal, task) -> {
      AppealRecords.Facts values = facts.get(appeal);
      if ("completed".equals(task.getDeleteReason()) && values != null
          && Boolean.TRUE.equals(ENDORSEMENT.equals(task.getTaskDefinitionKey())
              ? values.endorsed() : values.signedOff())) {
        prepared.put(appeal, task.getEndTime().toInstant());
      }
    });
  }

  private HistoricTaskInstanceQuery stepTasks() {
    return history.createHistoricTaskInstanceQuery().processDefinitionKey(Processes.APPEAL)
        .taskDefinitionKeyIn(ASSESSMENT, LAST_SIGN_OFF, ENDORSEMENT);
  }

  /**
   * Open tasks past their deadline: those of an overdue appeal (what it waits for, in the appeal
   * or in the partner processes it called, found by its business key: the appeal's deadline
   * covers them, most have no due date of their own), and any other open task past its own due
   * date (training evaluations, planning reviews).
   */
  OverdueTasks overdueTasks(Listing open) {
    Map<String, HistoricTaskInstance> late = new LinkedHashMap<>();
    history.createHistoricTaskInstanceQuery().unfinished()
        .taskDueBefore(java.util.Date.from(EngineReads.now())).list()
        .forEach(task -> late.put(task.getId(), task));
    List<String> keys = open.ordered().stream().filter(Appeal::overdue)
        .map(Appeal::businessKey).filter(Objects::nonNull).distinct().toList();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      history.createHistoricTaskInstanceQuery().unfinished()
          .processInstanceBusinessKeyIn(keys.subList(from, Math.min(keys.size(), from + CHUNK))
              .toArray(String[]::new)).list()
          .forEach(task -> late.put(task.getId(), task));
    }
    Map<String, Long> byCountry = new TreeMap<>();
    Map<String, Long> byProcess = new TreeMap<>();
    for (HistoricTaskInstance task : late.values()) {
      byCountry.merge(task.getTenantId() == null ? "—" : task.getTenantId(), 1L, Long::sum);
      byProcess.merge(task.getProcessDefinitionKey(), 1L, Long::sum);
    }
    return new OverdueTasks(byCountry, byProcess, late.size());
  }
}
