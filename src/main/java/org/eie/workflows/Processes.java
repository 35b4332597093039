package org.eie.workflows;

/**
 * The keys of the processes this application runs, one constant each, as their BPMN files under
 * {@code bpmn/} declare them. Every package that starts, reads or grants on a process names it
 * here, never by a string of its own.
 */
public final class Processes {

  /** The emergency funding appeal (appeal/), with the two processes it calls per project. */
  public static final String APPEAL = "emergencyFundingAppeal";
  public static final String APPEAL_PARTNER_SUBMISSION = "appealPartnerSubmission";
  public static final String APPEAL_PROJECT_REVISION = "appealProjectRevision";
  /** Called by the appeal: e-mails the appeal to subscribed donors (donors/). */
  public static final String APPEAL_DONOR_DELIVERY = "appealDonorDelivery";
  /** The joint three-year strategic planning cycle (planning/). */
  public static final String PLANNING = "strategicPlanningCycle";
  /** The training package rollout (training/), and its branch per country. */
  public static final String TRAINING = "trainingPackageRollout";
  public static final String TRAINING_COUNTRY = "trainingCountryRollout";

  private Processes() {
  }
}
