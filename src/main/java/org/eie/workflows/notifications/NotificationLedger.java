package org.eie.workflows.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.notifications.Notification.Outcome;
import org.eie.workflows.notifications.Notification.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of which task notifications exist and which went out, and the guard that makes it
 * at most one mail per task, event and user, the way the donors' {@code DeliveryLedger} does it:
 * <ol>
 *   <li>one row per (task, event, user): a unique constraint, so a sweep run twice, or on two
 *       nodes at once, adds no second row;</li>
 *   <li>{@link #sendOnce} locks the row ({@code select ... for update}) in a transaction of its
 *       own, returns at once unless it is still PENDING, hands the message to the SMTP server
 *       and marks it SENT in the same short transaction. A second node blocks on the lock until
 *       the first commits, then finds it SENT;</li>
 *   <li>the Message-ID is derived from the row (task, event, user), the same on every
 *       attempt.</li>
 * </ol>
 * The window SMTP leaves (the server accepted, the node died before SENT committed) is the
 * donors' one: the repeat carries the same Message-ID.
 */
@Component
class NotificationLedger {

  private static final String INSERT = "insert into eie_task_notification (id, task_id, event,"
      + " user_id, status, attempts, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate ownTransaction;

  NotificationLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

  /**
   * Decides and sends under the row lock; see the class comment. A failure of {@code attempt}
   * (the mail server) leaves the row PENDING with the reason and one attempt more, and is
   * rethrown.
   *
   * @param attempt sends the mail and answers SENT, or answers why it is not to be sent
   * @return what became of the row, or empty if it was no longer pending
   */
  Optional<Outcome> sendOnce(String id, Function<Notification, Outcome> attempt) {
    try {
      return Optional.ofNullable(ownTransaction.execute(status -> {
        Notification row = jdbc.sql("select * from eie_task_notification where id = ?"
                + " for update").param(id).query(NotificationLedger::row).single();
        if (row.status() != Status.PENDING) {
          return null;
        }
        Outcome outcome = attempt.apply(row);
        Timestamp now = now();
        jdbc.sql("update eie_task_notification set status = ?, status_detail = ?, email = ?,"
                + " message_id = ?, attempts = ?, sent_at = ?, updated_at = ? where id = ?")
            .params(outcome.status().name(), outcome.detail(), outcome.email(),
                outcome.messageId(), row.attempts() + (outcome.status() == Status.SENT ? 1 : 0),
                outcome.status() == Status.SENT ? now : null, now, id)
            .update();
        return outcome;
      }));
    } catch (RuntimeException failure) {
      String detail = "waiting for the mail server: " + failure.getMessage();
      ownTransaction.executeWithoutResult(status -> jdbc.sql("update eie_task_notification"
              + " set status_detail = ?, attempts = attempts + 1, updated_at = ?"
              + " where id = ? and status = ?")
          .params(detail.length() > 1000 ? detail.substring(0, 1000) : detail, now(), id,
              Status.PENDING.name())
          .update());
      throw failure;
    }
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
