package org.eie.workflows.donors;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import io.micrometer.core.instrument.Metrics;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.operations.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of who received which appeal version, and the guard that makes it exactly one
 * e-mail per donor and version.
 *
 * <h2>The guarantee</h2>
 * <ol>
 *   <li>One row per (donor, appeal, version): a unique constraint. Re-running the selection
 *       (a retried job, the process started again for the same version) finds the row and adds
 *       none.</li>
 *   <li>{@link #sendOnce} runs in a transaction of its own: it locks the row
 *       ({@code select ... for update}), returns at once if the row is already SENT, otherwise
 *       hands the message to the SMTP server and, as soon as the server has accepted it, marks the
 *       row SENT and commits. A second node (or a second job execution of the same step) blocks on
 *       the lock until the first commits, then sees SENT and sends nothing.</li>
 *   <li>The Message-ID is derived from the row (appeal, version, donor), never random, so it is
 *       the same on every attempt.</li>
 * </ol>
 *
 * <p><b>The remaining window.</b> SMTP has no two-phase commit. If the process dies (or the
 * database connection is lost) <em>after</em> the server accepted the message and
 * <em>before</em> the SENT update commits — the time of one UPDATE and one COMMIT — the row
 * still reads "not sent" and the engine's retry sends the message again. That repeat carries the
 * same Message-ID, so mail systems and clients that de-duplicate on it show one message, and a
 * person can tell the two are the same. The repeat is on record: each attempt is committed
 * before it begins ({@link #sendOnce}), so the row then reads two attempts, one of them
 * interrupted. The download link in both copies works (each attempt's
 * token is committed before sending, see {@link AppealDelivery}). Every other failure, before
 * the server accepts, leaves nothing sent and is simply retried.
 */
@Component
class DeliveryLedger {

  static final String NO_MAIL_SERVER = "not sent: no mail server configured";
  /** Messages the SMTP server accepted, and attempts that failed (Micrometer, Prometheus). */
  static final String SENT_METRIC = "eie.donor.deliveries.sent";
  static final String FAILED_ATTEMPT_METRIC = "eie.donor.delivery.attempts.failed";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String messageIdDomain;
  private final String nodeId;

  DeliveryLedger(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl,
      Node node) {
    this.jdbc = jdbc;
    this.nodeId = node.id();
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String host = URI.create(publicBaseUrl).getHost();
    this.messageIdDomain = host == null ? "eie-workflows.local" : host;
  }

  /**
   * The delivery of this appeal version to this donor, created PENDING if it does not exist yet
   * (in the caller's transaction: the selection step's).
   */
  Delivery open(String appealId, int version, String country, String appealType, Donor donor) {
    Optional<Delivery> existing = find(appealId, version, donor.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    String id = UUID.randomUUID().toString();
    Timestamp now = now();
    jdbc.sql("insert into eie_donor_delivery (id, donor_id, appeal_id, document_version, country,"
            + " appeal_type, email, language, message_id, status, attempts, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
        .params(id, donor.id(), appealId, version, country, appealType, donor.email(),
            donor.language(), messageId(appealId, version, donor.id()),
            Delivery.Status.PENDING.name(), now, now)
        .update();
    return find(appealId, version, donor.id()).orElseThrow();
  }

  /** Deliveries not yet sent, marked "not sent: no mail server configured". */
  int markWaitingForMailServer(String appealId, int version) {
    return jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, updated_at = ?"
            + " where appeal_id = ? and document_version = ? and status <> ?")
        .params(Delivery.Status.WAITING_FOR_MAIL_SERVER.name(), NO_MAIL_SERVER, now(), appealId,
            version, Delivery.Status.SENT.name())
        .update();
  }

  Optional<Delivery> find(String appealId, int version, String donorId) {
    return jdbc.sql("select * from eie_donor_delivery where appeal_id = ? and document_version = ?"
            + " and donor_id = ?")
        .params(appealId, version, donorId).query(DeliveryLedger::delivery).optional();
  }

  Optional<Delivery> find(String id) {
    return jdbc.sql("select * from eie_donor_delivery where id = ?").param(id)
        .query(DeliveryLedger::delivery).optional();
  }

  /** Every delivery of an appeal with the donor's organisation, by version and organisation. */
  List<DonorReads.DonorDelivery> deliveriesByDonor(String appealId) {
    return jdbc.sql("select d.organisation, l.document_version, l.status, l.status_detail,"
            + " l.attempts, l.sent_at, l.updated_at from eie_donor_delivery l"
            + " join eie_donor d on d.id = l.donor_id where l.appeal_id = ?"
            + " order by l.document_version, d.organisation")
        .param(appealId)
        .query((rs, row) -> new DonorReads.DonorDelivery(rs.getString("organisation"),
            rs.getInt("document_version"), rs.getString("status"),
            rs.getString("status_detail"), rs.getInt("attempts"),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  List<Delivery> deliveriesOf(String appealId, Integer version) {
    if (version == null) {
      return jdbc.sql("select * from eie_donor_delivery where appeal_id = ?"
              + " order by document_version, email")
          .param(appealId).query(DeliveryLedger::delivery).list();
    }
    return jdbc.sql("select * from eie_donor_delivery where appeal_id = ? and document_version = ?"
            + " order by email")
        .params(appealId, version).query(DeliveryLedger::delivery).list();
  }

  /**
   * Sends under the row lock and records SENT right after the SMTP server accepted (see the
   * class comment for the guarantee and its window). Every attempt is recorded, before the
   * message leaves, in a transaction of its own ({@code eie_donor_delivery_attempt}): an attempt
   * cut short by a crash stays on record as STARTED, and the next attempt marks it INTERRUPTED
   * and counts it in {@code interrupted_attempts}, so a possible second copy is visible.
   *
   * @param send hands the message to the SMTP server; returns normally once it was accepted
   * @return true if this call sent the message, false if it had been sent already
   */
  boolean sendOnce(String deliveryId, Consumer<Delivery> send) {
    var attempt = new String[2]; // this attempt's row id and number, once recorded
    try {
      boolean sent = Boolean.TRUE.equals(ownTransaction.execute(status -> {
        Delivery locked = jdbc.sql("select * from eie_donor_delivery where id = ? for update")
            .param(deliveryId).query(DeliveryLedger::delivery).single();
        if (locked.sent()) {
          return false;
        }
        int number = beginAttempt(locked, attempt);
        send.accept(locked);
        // Accepted by the SMTP server: record it now, in this same short transaction.
        Timestamp now = now();
        int interrupted = interruptedAttempts(deliveryId);
        jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, attempts = ?,"
                + " interrupted_attempts = ?, sent_at = ?, updated_at = ? where id = ?")
            .params(Delivery.Status.SENT.name(), interrupted == 0 ? null : interrupted
                    + " earlier attempt(s) cut short after they began: the donor may have"
                    + " received this message more than once (same Message-ID)",
                number, interrupted, now, now, deliveryId)
            .update();
        jdbc.sql("update eie_donor_delivery_attempt set outcome = 'ACCEPTED', finished_at = ?"
            + " where id = ?").params(now, attempt[0]).update();
        return true;
      }));
      if (sent) {
        Metrics.counter(SENT_METRIC).increment();
      }
      return sent;
    } catch (RuntimeException failure) {
      recordFailedAttempt(deliveryId, attempt, failure);
      throw failure;
    }
  }

  /**
   * Records this attempt as STARTED and commits it before anything leaves; attempts still
   * STARTED are from a run that died mid-attempt (whoever started them held this row's lock,
   * which we hold now) and become INTERRUPTED.
   */
  private int beginAttempt(Delivery locked, String[] attempt) {
    return ownTransaction.execute(status -> {
      Timestamp now = now();
      jdbc.sql("update eie_donor_delivery_attempt set outcome = 'INTERRUPTED', detail ="
              + " 'cut short after it began: the server may have accepted it' where"
              + " delivery_id = ? and outcome = 'STARTED'")
          .param(locked.id()).update();
      int last = jdbc.sql("select coalesce(max(attempt), 0) from eie_donor_delivery_attempt"
              + " where delivery_id = ?")
          .param(locked.id()).query(Integer.class).single();
      int number = Math.max(last, locked.attempts()) + 1;
      attempt[0] = UUID.randomUUID().toString();
      attempt[1] = Integer.toString(number);
      jdbc.sql("insert into eie_donor_delivery_attempt (id, delivery_id, attempt, node_id,"
              + " started_at, outcome) values (?, ?, ?, ?, ?, 'STARTED')")
          .params(attempt[0], locked.id(), number, nodeId, now).update();
      return number;
    });
  }

  private int interruptedAttempts(String deliveryId) {
    return jdbc.sql("select count(*) from eie_donor_delivery_attempt where delivery_id = ?"
            + " and outcome = 'INTERRUPTED'")
        .param(deliveryId).query(Integer.class).single();
  }

  /** Every attempt of a delivery, oldest first. */
  List<Attempt> attemptsOf(String deliveryId) {
    return jdbc.sql("select * from eie_donor_delivery_attempt where delivery_id = ?"
            + " order by attempt")
        .param(deliveryId).query((rs, row) -> new Attempt(rs.getInt("attempt"),
            rs.getString("node_id"), rs.getTimestamp("started_at").toInstant(),
            rs.getString("outcome"), rs.getString("detail"))).list();
  }

  /** One SMTP attempt: STARTED (running or cut short), ACCEPTED, FAILED or INTERRUPTED. */
  record Attempt(int number, String nodeId, Instant startedAt, String outcome, String detail) {
  }

  /** A failed attempt, recorded in a transaction of its own so it survives the job's rollback. */
  private void recordFailedAttempt(String deliveryId, String[] attempt,
      RuntimeException failure) {
    Metrics.counter(FAILED_ATTEMPT_METRIC).increment();
    String described = "attempt failed: " + describe(failure);
    String detail = described.length() > 1000 ? described.substring(0, 1000) : described;
    ownTransaction.executeWithoutResult(status -> {
      Timestamp now = now();
      if (attempt[0] != null) {
        jdbc.sql("update eie_donor_delivery_attempt set outcome = 'FAILED', finished_at = ?,"
            + " detail = ? where id = ?").params(now, detail, attempt[0]).update();
        jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, attempts = ?,"
                + " updated_at = ? where id = ? and status <> ?")
            .params(Delivery.Status.RETRYING.name(), detail, Integer.parseInt(attempt[1]), now,
                deliveryId, Delivery.Status.SENT.name())
            .update();
      } else {
        // Failed before an attempt began (the database, the row lock): nothing was sent.
        jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, updated_at = ?"
                + " where id = ? and status <> ?")
            .params(Delivery.Status.RETRYING.name(), detail, now, deliveryId,
                Delivery.Status.SENT.name())
            .update();
      }
    });
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null && text.length() < 600;
        cause = cause.getCause()) {
      if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
        text.append(text.isEmpty() ? "" : " / ").append(cause.getMessage());
      }
    }
    return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
  }

  /** The same for every attempt: appeal, version and donor identify the message. */
  String messageId(String appealId, int version, String donorId) {
    return "<appeal." + appealId + ".v" + version + "." + donorId + "@" + messageIdDomain + ">";
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new Delivery(rs.getString("id"), rs.getString("donor_id"), rs.getString("appeal_id"),
        rs.getInt("document_version"), rs.getString("country"), rs.getString("appeal_type"),
        rs.getString("email"), rs.getString("language"), rs.getString("message_id"),
        Delivery.Status.valueOf(rs.getString("status")), rs.getString("status_detail"),
        rs.getInt("attempts"), rs.getInt("interrupted_attempts"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
  }
}
