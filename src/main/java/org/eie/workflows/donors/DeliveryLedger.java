package org.eie.workflows.donors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.micrometer.core.instrument.Metrics;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.mail.Ledger;
import org.eie.workflows.mail.Letter;
import org.eie.workflows.mail.MailSender;
import org.eie.workflows.operations.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of who received which appeal version: one row per (donor, appeal, version), a
 * unique constraint, so re-running the selection (a retried job, the process started again for
 * the same version) finds the row and adds none. {@link MailSender#sendOnce} sends each row's
 * e-mail exactly once on it (see there for the guarantee and the window SMTP leaves); this keeps
 * every attempt on record ({@code eie_donor_delivery_attempt}), so a possible second copy after
 * a crash is visible. The Message-ID is derived from the row (appeal, version, donor). The
 * download link works in such a repeat too: {@link AppealDelivery} commits each attempt's token
 * before the message leaves.
 */
@Component
class DeliveryLedger implements Ledger<Delivery> {

  static final String NO_MAIL_SERVER = "not sent: no mail server configured";
  /** Messages the SMTP server accepted, and attempts that failed (Micrometer, Prometheus). */
  static final String SENT_METRIC = "eie.donor.deliveries.sent";
  static final String FAILED_ATTEMPT_METRIC = "eie.donor.delivery.attempts.failed";

  private final JdbcClient jdbc;
  private final MailSender mail;
  private final String from;
  private final String nodeId;

  DeliveryLedger(JdbcClient jdbc, MailSender mail,
      @Value("${eie.donors.mail-from:appeals@eie-workflows.local}") String from, Node node) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.from = from;
    this.nodeId = node.id();
  }

  @Override
  public String from() {
    return from;
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

  @Override
  public Optional<Delivery> lockUnsent(String id) {
    return jdbc.sql("select * from eie_donor_delivery where id = ? for update").param(id)
        .query(DeliveryLedger::delivery).optional().filter(delivery -> !delivery.sent());
  }

  @Override
  public String messageId(Delivery delivery) {
    return delivery.messageId();
  }

  /**
   * Records this attempt as STARTED; attempts still STARTED are from a run that died
   * mid-attempt (whoever started them held this row's lock, which the sender holds now) and
   * become INTERRUPTED.
   */
  @Override
  public String attemptBegins(Delivery locked) {
    jdbc.sql("update eie_donor_delivery_attempt set outcome = 'INTERRUPTED', detail ="
            + " 'cut short after it began: the server may have accepted it' where"
            + " delivery_id = ? and outcome = 'STARTED'")
        .param(locked.id()).update();
    int last = jdbc.sql("select coalesce(max(attempt), 0) from eie_donor_delivery_attempt"
            + " where delivery_id = ?")
        .param(locked.id()).query(Integer.class).single();
    String attemptId = UUID.randomUUID().toString();
    jdbc.sql("insert into eie_donor_delivery_attempt (id, delivery_id, attempt, node_id,"
            + " started_at, outcome) values (?, ?, ?, ?, ?, 'STARTED')")
        .params(attemptId, locked.id(), Math.max(last, locked.attempts()) + 1, nodeId, now())
        .update();
    return attemptId;
  }

  /** SENT, saying so if an earlier attempt was cut short (the donor may have two copies). */
  @Override
  public void sent(Delivery delivery, Letter letter) {
    Timestamp now = now();
    int interrupted = interruptedAttempts(delivery.id());
    jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, attempts = (select"
            + " max(attempt) from eie_donor_delivery_attempt where delivery_id = ?),"
            + " interrupted_attempts = ?, sent_at = ?, updated_at = ? where id = ?")
        .params(Delivery.Status.SENT.name(), interrupted == 0 ? null : interrupted
                + " earlier attempt(s) cut short after they began: the donor may have"
                + " received this message more than once (same Message-ID)",
            delivery.id(), interrupted, now, now, delivery.id())
        .update();
    // The one attempt STARTED under this lock (attemptBegins ended the others).
    jdbc.sql("update eie_donor_delivery_attempt set outcome = 'ACCEPTED', finished_at = ?"
        + " where delivery_id = ? and outcome = 'STARTED'").params(now, delivery.id()).update();
    Metrics.counter(SENT_METRIC).increment();
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

  /** RETRYING with the reason; the attempt, if one began, FAILED. */
  @Override
  public void failed(String deliveryId, String attemptId, String reason) {
    Metrics.counter(FAILED_ATTEMPT_METRIC).increment();
    String detail = "attempt failed: " + reason;
    Timestamp now = now();
    if (attemptId != null) {
      jdbc.sql("update eie_donor_delivery_attempt set outcome = 'FAILED', finished_at = ?,"
          + " detail = ? where id = ?").params(now, detail, attemptId).update();
      jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, attempts = (select"
              + " attempt from eie_donor_delivery_attempt where id = ?), updated_at = ?"
              + " where id = ? and status <> ?")
          .params(Delivery.Status.RETRYING.name(), detail, attemptId, now, deliveryId,
              Delivery.Status.SENT.name())
          .update();
    } else {
      // Failed before an attempt began (the database, the row lock): nothing was sent.
      jdbc.sql("update eie_donor_delivery set status = ?, status_detail = ?, updated_at = ?"
              + " where id = ? and status <> ?")
          .params(Delivery.Status.RETRYING.name(), detail, now, deliveryId,
              Delivery.Status.SENT.name())
          .update();
    }
  }

  /** The same for every attempt: appeal, version and donor identify the message. */
  String messageId(String appealId, int version, String donorId) {
    return mail.messageId("appeal." + appealId + ".v" + version + "." + donorId);
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
