package org.eie.workflows.donors;

import org.eie.workflows.documents.DocumentStore;
import java.util.Optional;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.mail.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers one appeal version to one donor, exactly once (see {@link MailSender} for the
 * guarantee): the step each instance of the process's multi-instance runs.
 */
@Component
class AppealDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(AppealDelivery.class);

  private final DeliveryLedger ledger;
  private final DonorRegistry registry;
  private final DocumentStore documents;
  private final DownloadTokens tokens;
  private final AppealMail mail;
  private final MailSender mailSender;

  AppealDelivery(DeliveryLedger ledger, DonorRegistry registry, DocumentStore documents,
      DownloadTokens tokens, AppealMail mail, MailSender mailSender) {
    this.ledger = ledger;
    this.registry = registry;
    this.documents = documents;
    this.tokens = tokens;
    this.mail = mail;
    this.mailSender = mailSender;
  }

  /**
   * Sends the appeal to the donor unless they have it already.
   *
   * @return true if a message went out now, false if the donor had it already
   * @throws RuntimeException if the SMTP server is absent or refuses: the engine retries
   */
  boolean deliver(String appealId, int version, String donorId, ChangeSummary changes) {
    Delivery delivery = ledger.find(appealId, version, donorId).orElseThrow(() ->
        new IllegalStateException("No delivery of appeal " + appealId + " v" + version
            + " to donor " + donorId + " was selected"));
    if (delivery.sent()) {
      return false; // the cheap check; the locked one in sendOnce decides
    }
    if (!mailSender.configured()) {
      throw new IllegalStateException(DeliveryLedger.NO_MAIL_SERVER);
    }
    // In the donor's language, laid out now if nobody needed that language of this version yet.
    StoredDocument document = documents.renderingFor(appealId, AppealDonorDelivery.DOCUMENT_KIND,
        version, delivery.language()).orElseThrow(() -> new IllegalStateException(
            "Appeal " + appealId + " has no stored document version " + version));
    Donor donor = registry.find(donorId).orElseThrow();
    // Committed before the e-mail leaves, so the link in any copy that leaves works.
    DownloadTokens.Issued link = tokens.issue(delivery.id());
    boolean sent = mailSender.sendOnce(ledger, delivery.id(),
        locked -> Optional.of(mail.write(locked, donor, document, link, changes)));
    if (sent) {
      LOG.info("Appeal {} v{} sent to donor {} ({}), Message-ID {}", appealId, version, donorId,
          donor.organisation(), delivery.messageId());
    }
    return sent;
  }
}
