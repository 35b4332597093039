package org.eie.workflows.notifications;

import java.time.Duration;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.mail.Letter;
import org.eie.workflows.mail.MailSender;
import org.eie.workflows.notifications.Notification.Status;
import org.eie.workflows.notifications.NotificationMail.TaskSummary;
import org.eie.workflows.tasklist.TaskListWording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The periodic work of notifications, on every node ({@code eie.notifications.sweep-interval}):
 * records the reminders of tasks whose due date is near and the notices of tasks that are
 * overdue, then sends what is pending. Two nodes sweeping at once write no second row (the
 * ledger's unique key) and send no second mail (its row lock).
 *
 * <p>Without a mail server, or while it does not answer, nothing is lost: the rows stay PENDING
 * with the reason, the health endpoint's {@code taskNotifications} says how many wait and since
 * when, and the next sweep after the server's return sends them. A mail about a task that was done
 * meanwhile is cancelled, not sent; so is a reminder whose deadline has passed (the overdue notice
 * says it).
 */
@Component("taskNotificationsHealthIndicator")
class TaskNotificationSweep implements HealthIndicator {

  static final String NO_MAIL_SERVER = "waiting: no mail server configured";
  private static final Logger LOG = LoggerFactory.getLogger(TaskNotificationSweep.class);

  private final NotificationLedger ledger;
  private final NotificationSettings settings;
  private final NotificationMail mail;
  private final MailSender mailSender;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final EieProperties properties;
  private final TaskListWording wording;
  private final Duration reminderBefore;
  private final int batchSize;

  TaskNotificationSweep(NotificationLedger ledger, NotificationSettings settings,
      NotificationMail mail, MailSender mailSender, TaskService tasks,
      RuntimeService runtime, RepositoryService repository, IdentityService identity,
      EieProperties properties, TaskListWording wording,
      @Value("${eie.notifications.reminder-before:PT24H}") Duration reminderBefore,
      @Value("${eie.notifications.batch-size:200}") int batchSize) {
    this.ledger = ledger;
    this.settings = settings;
    this.mail = mail;
    this.mailSender = mailSender;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.properties = properties;
    this.wording = wording;
    this.reminderBefore = reminderBefore;
    this.batchSize = batchSize;
  }

  /** What one sweep did: rows recorded, and rows by the status they reached. */
  record Result(int recorded, Map<Status, Integer> outcomes, boolean mailServerAnswered) {
    int count(Status status) {
      return outcomes.getOrDefault(status, 0);
    }
  }

  @Scheduled(initialDelayString = "${eie.notifications.sweep-interval:PT1M}",
      fixedDelayString = "${eie.notifications.sweep-interval:PT1M}")
  void scheduledSweep() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Task notification sweep failed: {}", e.toString());
    }
  }

  /** Records due reminders and overdue notices, then sends what is pending. */
  Result sweep() {
    int recorded = recordDeadlines();
    return sendPending(recorded);
  }

  /** Reminders and overdue notices of open tasks, each once per task and user. */
  int recordDeadlines() {
    Date now = ClockUtil.getCurrentTime();
    Date soon = new Date(now.getTime() + reminderBefore.toMillis());
    List<Task> nearDeadline = tasks.createTaskQuery().active().dueAfter(now).dueBefore(soon)
        .list().stream()
        // A task that arrived already this close to its deadline: the arrival mail says it.
        .filter(task -> task.getCreateTime() == null || !task.getCreateTime()
            .after(new Date(task.getDueDate().getTime() - reminderBefore.toMillis())))
        .toList();
    return record(TaskEvent.REMINDER, nearDeadline)
        + record(TaskEvent.OVERDUE, tasks.createTaskQuery().active().dueBefore(now).list());
  }

  private int record(TaskEvent event, List<Task> candidates) {
    Set<String> done = ledger.tasksRecorded(event, candidates.stream().map(Task::getId).toList());
    int added = 0;
    for (Task task : candidates) {
      if (!done.contains(task.getId())) {
        added += ledger.recordOnce(task.getId(), event, Recipients.onDeadline(identity,
            task.getAssignee(), tasks.getIdentityLinksForTask(task.getId())));
      }
    }
    return added;
  }

  private Result sendPending(int recorded) {
    Map<Status, Integer> outcomes = new EnumMap<>(Status.class);
    if (!mailSender.configured()) {
      ledger.markWaiting(NO_MAIL_SERVER);
      return new Result(recorded, outcomes, false);
    }
    for (String id : ledger.pending(batchSize)) {
      try {
        if (mailSender.sendOnce(ledger, id, row -> letterFor(row, outcomes))) {
          outcomes.merge(Status.SENT, 1, Integer::sum);
        }
      } catch (RuntimeException failed) {
        // The server does not answer (the sender logs it and the ledger keeps the reason): the
        // rest wait for the next sweep rather than each waiting out its own connection timeout.
        LOG.debug("Task notification {} waits: {}", id, failed.toString());
        return new Result(recorded, outcomes, false);
      }
    }
    return new Result(recorded, outcomes, true);
  }

  /** The mail for this row, or empty (settled with the reason) if it is not to go out. */
  private Optional<Letter> letterFor(Notification row, Map<Status, Integer> outcomes) {
    var setting = settings.of(row.userId());
    if (!setting.enabled()) {
      return notSent(row, Status.SKIPPED, "switched off by the user", outcomes);
    }
    Task task = tasks.createTaskQuery().taskId(row.taskId()).singleResult();
    if (task == null) {
      return notSent(row, Status.CANCELLED, "the task was done before the mail went out",
          outcomes);
    }
    if (row.event() == TaskEvent.REMINDER && task.getDueDate() != null
        && task.getDueDate().before(ClockUtil.getCurrentTime())) {
      return notSent(row, Status.CANCELLED, "overdue by now: the overdue notice says it",
          outcomes);
    }
    User user = identity.createUserQuery().userId(row.userId()).singleResult();
    if (user == null || !StringUtils.hasText(user.getEmail())) {
      return notSent(row, Status.SKIPPED, "no e-mail address", outcomes);
    }
    String language = setting.mailLanguage();
    return Optional.of(mail.write(row, summary(task, language), nameOf(user), user.getEmail(),
        language));
  }

  private Optional<Letter> notSent(Notification row, Status status, String reason,
      Map<Status, Integer> outcomes) {
    ledger.settle(row, status, reason);
    outcomes.merge(status, 1, Integer::sum);
    return Optional.empty();
  }

  /**
   * The task as Tasklist names it to the recipient: its heading and its process in their
   * language (English where there is none, as for a task created before headings were kept).
   */
  private TaskSummary summary(Task task, String language) {
    var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    ProcessInstance instance = task.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult();
    String country = task.getTenantId() == null ? null
        : properties.countries().getOrDefault(task.getTenantId(), task.getTenantId());
    return new TaskSummary(task.getId(),
        wording.taskName(task.getId(), task.getName(), language),
        wording.processName(definition.getKey(),
            definition.getName() == null ? definition.getKey() : definition.getName(), language),
        country,
        instance == null ? null : instance.getBusinessKey(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }

  private static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    var waiting = ledger.waiting();
    details.put("waiting", waiting.count());
    if (waiting.oldest() != null) {
      details.put("oldestWaitingSince", waiting.oldest().toString());
    }
    var outage = mailSender.outage();
    if (!mailSender.configured()) {
      details.put("smtp", "not configured");
    } else if (outage.isPresent()) {
      details.put("smtp", "unreachable");
      details.put("since", outage.get().since().toString());
      details.put("error", outage.get().error());
    }
    // Up in either case: notifications wait; a mail outage is no reason to leave the balancer.
    return Health.up().withDetails(details).build();
  }
}
