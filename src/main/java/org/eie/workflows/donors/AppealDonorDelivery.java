package org.eie.workflows.donors;

/** Names the {@code appealDonorDelivery} process and its variables share with Java. */
final class AppealDonorDelivery {

  static final String PROCESS_KEY = "appealDonorDelivery";
  /** Inputs from the appeal's call activity. */
  static final String APPEAL_ID = "appealId";
  static final String COUNTRY = "country";
  static final String APPEAL_TYPE = "appealType";
  static final String DOCUMENT_VERSION = "documentVersion";
  /** Set by the selection step: the multi-instance collection and its size. */
  static final String DONOR_IDS = "donorIds";
  static final String DONOR_COUNT = "donorCount";
  /** Element variable of the multi-instance: the donor of this instance. */
  static final String DONOR_ID = "donorId";
  /** What Cockpit shows while deliveries wait. */
  static final String DELIVERY_STATUS = "deliveryStatus";
  static final String MAIL_SERVER_RECHECK = "Event_MailServerRecheck";
  /** The kind under which the appeal process stores its PDF in the DocumentStore. */
  static final String DOCUMENT_KIND = "appeal";

  /**
   * The same version of an appeal in a donor's language: the appeal step stores it beside the
   * document in the appeal's own language as kind {@code appeal-<language>}; a language it was
   * not written in gets the appeal's own.
   */
  static java.util.Optional<org.eie.workflows.documents.StoredDocument> documentFor(
      org.eie.workflows.documents.DocumentStore documents, String appealId, int version,
      String language) {
    var translated = language == null ? java.util.Optional.<org.eie.workflows.documents
        .StoredDocument>empty() : documents.version(appealId, DOCUMENT_KIND + "-" + language,
        version);
    return translated.isPresent() ? translated
        : documents.version(appealId, DOCUMENT_KIND, version);
  }

  private AppealDonorDelivery() {
  }
}
