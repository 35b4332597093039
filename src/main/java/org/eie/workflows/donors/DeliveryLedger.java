package org.eie.workflows.donors;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * person can tell the two are the same. The download link in both copies works (each attempt's
 * token is committed before sending, see {@link AppealDelivery}). Every other failure, before
 * the server accepts, leaves nothing sent and is simply retried.
 */
@Component
class DeliveryLedger {

  static final String NO_MAIL_SERVER = "not sent: no mail server configured";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String messageIdDomain;

  DeliveryLedger(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.jdbc = jdbc;
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
   * class comment for the guarantee and its window).
   *
   * @param send hands the message to the SMTP server; returns normally once it was accepted
   * @return true if this call sent the message, false if it had been sent already
   */
  boolean sendOnce(String deliveryId, Consumer<Delivery> send) {
    try {
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        Delivery locked = jdbc.sql("select * from eie_donor_delivery where id = ? for update")
            .param(deliveryId).query(DeliveryLedger::delivery).single();
        if (locked.sent()) {
          return false;
        }
        send.accept(locked);
        // Accepted by the SMTP server: record it now, in this same short transaction.
        Timestamp now = now();
        jdbc.sql("update eie_donor_delivery set status = ?, status_detail = null,"
                + " attempts = attempts + 1, sent_at = ?, updated_at = ? where id = ?")
            .params(Delivery.Status.SENT.name(), now, now, deliveryId).update();
        return true;
      }));
    } catch (RuntimeException failure) {
      recordFailedAttempt(deliveryId, failure);
      throw failure;
    }
  }

  /** A failed attempt, recorded in a transaction of its own so it survives the job's rollback. */
  private void recordFailedAttempt(String deliveryId, RuntimeException failure) {
    String detail = "attempt failed: " + describe(failure);
    ownTransaction.executeWithoutResult(status -> jdbc.sql("update eie_donor_delivery"
            + " set status = ?, status_detail = ?, attempts = attempts + 1, updated_at = ?"
            + " where id = ? and status <> ?")
        .params(Delivery.Status.RETRYING.name(),
            detail.length() > 1000 ? detail.substring(0, 1000) : detail, now(), deliveryId,
            Delivery.Status.SENT.name())
        .update());
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
        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
  }
}
