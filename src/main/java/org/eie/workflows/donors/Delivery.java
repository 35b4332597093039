package org.eie.workflows.donors;

import java.time.Instant;

/**
 * One donor's copy of one appeal version: the unit of "exactly one e-mail".
 *
 * @param messageId     the e-mail's Message-ID, the same on every attempt
 * @param status        see {@link Status}
 * @param statusDetail  why it is not sent yet ("not sent: no mail server configured", the last
 *                      SMTP error), or null
 * @param attempts      SMTP attempts so far, including any cut short by a crash
 * @param interruptedAttempts attempts cut short after they began (a crash, a lost connection):
 *                      each may have reached the donor, so more than zero means the donor may
 *                      hold more than one copy (with the same Message-ID)
 */
record Delivery(String id, String donorId, String appealId, int documentVersion, String country,
    String appealType, String email, String language, String messageId, Status status,
    String statusDetail, int attempts, int interruptedAttempts, Instant createdAt, Instant updatedAt, Instant sentAt) {

  enum Status {
    /** Selected for the appeal, not attempted yet. */
    PENDING,
    /** Not sent: no mail server configured; goes out once one is. */
    WAITING_FOR_MAIL_SERVER,
    /** The last attempt failed; the engine retries with back-off, then raises an incident. */
    RETRYING,
    /** The SMTP server accepted the message. */
    SENT
  }

  boolean sent() {
    return status == Status.SENT;
  }
}
