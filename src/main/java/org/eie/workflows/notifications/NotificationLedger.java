package org.eie.workflows.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.micrometer.core.instrument.Metrics;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.mail.Ledger;
import org.eie.workflows.mail.Letter;
import org.eie.workflows.mail.MailSender;
import org.eie.workflows.notifications.Notification.Status;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of which task notifications exist and which went out: one row per (task, event,
 * user), a unique constraint, so a sweep run twice, or on two nodes at once, adds no second row.
 * {@link MailSender#sendOnce} sends each row's mail at most once on it (see there for the
 * guarantee and the window SMTP leaves); the Message-ID is derived from the row (task, event,
 * user). A row the sweep decides not to send (switched off, no address, the task done) is
 * {@link #settle settled} under the same lock.
 */
@Component
class NotificationLedger implements Ledger<Notification> {

  private static final String INSERT = "insert into eie_task_notification (id, task_id, event,"
      + " user_id, status, attempts, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)";

  static final String SENT_METRIC = "eie.task.notifications.sent";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate ownTransaction;
  private final MailSender mail;
  private final String from;

  NotificationLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate,
      PlatformTransactionManager transactions, MailSender mail,
      @Value("${eie.notifications.mail-from:${eie.donors.mail-from:tasks@eie-workflows.local}}")
      String from) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mail = mail;
    this.from = from;
  }

  @Override
  public String from() {
    return from;
  }

  /**
   * Rows for a task that has just been created, in the caller's transaction (the engine's, which
   * creates the task): if that transaction rolls back, so do they, and a retry writes them anew.
   */
  void recordForNewTask(String taskId, TaskEvent event, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return;
    }
    Timestamp now = now();
    // One batch: completing a step costs one round trip here, whatever the group's size.
    jdbcTemplate.batchUpdate(INSERT, new LinkedHashSet<>(userIds).stream()
        .map(userId -> new Object[] {UUID.randomUUID().toString(), taskId, event.name(), userId,
            Status.PENDING.name(), now, now})
        .toList());
  }

  /**
   * Rows for an existing task, each in a transaction of its own; a row that exists already (an
   * earlier sweep, another node just now) is left as it is.
   *
   * @return how many rows this call added
   */
  int recordOnce(String taskId, TaskEvent event, Collection<String> userIds) {
    int added = 0;
    for (String userId : new LinkedHashSet<>(userIds)) {
      try {
        Integer inserted = ownTransaction.execute(status -> exists(taskId, event, userId) ? 0
            : insert(taskId, event, userId, now()));
        added += inserted == null ? 0 : inserted;
      } catch (DuplicateKeyException anotherNodeWasFaster) {
        // The unique key did its work: the row is there.
      }
    }
    return added;
  }

  /** The tasks among these that already have rows for this event. */
  Set<String> tasksRecorded(TaskEvent event, Collection<String> taskIds) {
    Set<String> recorded = new HashSet<>();
    List<String> ids = List.copyOf(taskIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      recorded.addAll(jdbc.sql("select distinct task_id from eie_task_notification"
              + " where event = :event and task_id in (:ids)")
          .param("event", event.name()).param("ids", chunk).query(String.class).list());
    }
    return recorded;
  }

  /** Rows still to send, oldest first. */
  List<String> pending(int limit) {
    return jdbc.sql("select id from eie_task_notification where status = ?"
            + " order by created_at, id fetch first ? rows only")
        .params(Status.PENDING.name(), limit).query(String.class).list();
  }

  @Override
  public Optional<Notification> lockUnsent(String id) {
    return jdbc.sql("select * from eie_task_notification where id = ? for update").param(id)
        .query(NotificationLedger::row).optional()
        .filter(row -> row.status() == Status.PENDING);
  }

  /** The same on every attempt: a repeat is recognisably the same message. */
  @Override
  public String messageId(Notification row) {
    return mail.messageId("task." + row.taskId() + "."
        + row.event().name().toLowerCase(Locale.ROOT) + "." + row.userId());
  }

  @Override
  public void sent(Notification row, Letter letter) {
    Timestamp now = now();
    jdbc.sql("update eie_task_notification set status = ?, status_detail = null, email = ?,"
            + " message_id = ?, attempts = ?, sent_at = ?, updated_at = ? where id = ?")
        .params(Status.SENT.name(), letter.to(), messageId(row), row.attempts() + 1, now, now,
            row.id())
        .update();
    Metrics.counter(SENT_METRIC, "event", row.event().name()).increment();
  }

  /** Not to be sent after all, and why: under the lock {@link MailSender#sendOnce} holds. */
  void settle(Notification row, Status status, String reason) {
    jdbc.sql("update eie_task_notification set status = ?, status_detail = ?, updated_at = ?"
            + " where id = ?")
        .params(status.name(), reason, now(), row.id()).update();
  }

  /** The row stays PENDING with the reason and one attempt more. */
  @Override
  public void failed(String id, String attemptId, String reason) {
    jdbc.sql("update eie_task_notification set status_detail = ?, attempts = attempts + 1,"
            + " updated_at = ? where id = ? and status = ?")
        .params("waiting for the mail server: " + reason, now(), id, Status.PENDING.name())
        .update();
  }

  /** Says on every pending row why it waits (visible in the user's settings and the health). */
  void markWaiting(String reason) {
    jdbc.sql("update eie_task_notification set status_detail = ?, updated_at = ?"
            + " where status = ? and (status_detail is null or status_detail <> ?)")
        .params(reason, now(), Status.PENDING.name(), reason).update();
  }

  /** How many mails wait, and since when the oldest. */
  Waiting waiting() {
    return jdbc.sql("select count(*) as waiting, min(created_at) as oldest"
            + " from eie_task_notification where status = ?")
        .param(Status.PENDING.name())
        .query((rs, n) -> new Waiting(rs.getInt("waiting"), instant(rs.getTimestamp("oldest"))))
        .single();
  }

  int waitingFor(String userId) {
    return jdbc.sql("select count(*) from eie_task_notification where user_id = ?"
            + " and status = ?")
        .params(userId, Status.PENDING.name()).query(Integer.class).single();
  }

  record Waiting(int count, Instant oldest) {
  }

  private boolean exists(String taskId, TaskEvent event, String userId) {
    return jdbc.sql("select count(*) from eie_task_notification where task_id = ? and event = ?"
            + " and user_id = ?")
        .params(taskId, event.name(), userId).query(Integer.class).single() > 0;
  }

  private int insert(String taskId, TaskEvent event, String userId, Timestamp now) {
    return jdbc.sql(INSERT)
        .params(UUID.randomUUID().toString(), taskId, event.name(), userId,
            Status.PENDING.name(), now, now)
        .update();
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Notification row(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getString("id"), rs.getString("task_id"),
        TaskEvent.valueOf(rs.getString("event")), rs.getString("user_id"),
        Status.valueOf(rs.getString("status")), rs.getString("status_detail"),
        rs.getInt("attempts"));
  }
}
