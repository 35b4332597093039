package org.eie.workflows.donors;

/** Names the {@code appealDonorDelivery} process and its variables share with Java. */
final class AppealDonorDelivery {

  /** Inputs from the appeal's call activity (or from a new subscription). */
  static final String APPEAL_ID = "appealId";
  static final String COUNTRY = "country";
  static final String APPEAL_TYPE = "appealType";
  static final String DOCUMENT_VERSION = "documentVersion";
  /**
   * Set only when a new subscriber is to get the current version: the one donor selected
   * (see {@link CurrentVersions}); otherwise every subscribed donor is.
   */
  static final String SUBSCRIBER_ID = "subscriberId";
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

  private AppealDonorDelivery() {
  }
}
