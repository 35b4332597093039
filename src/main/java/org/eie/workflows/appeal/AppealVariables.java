package org.eie.workflows.appeal;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The appeal's process variables: a few loose ones the BPMN's expressions need (country for the
 * candidate groups and tenant, the deadlines for the timers, the decisions for the gateways) and
 * one JSON variable per stage, readable in Tasklist, Cockpit and REST (never Java-serialised).
 */
public final class AppealVariables {

  public static final String COUNTRY = "country";
  public static final String APPEAL_TYPE = "appealType";
  public static final String LANGUAGE = "language";
  static final String ONSET = "onset";
  static final String ASSESSMENT_DUE = "assessmentDue";
  public static final String PUBLICATION_DEADLINE_DAYS = "publicationDeadlineDays";
  public static final String PUBLICATION_DEADLINE = "publicationDeadline";
  public static final String SUBMISSION_DEADLINE = "submissionDeadline";

  public static final String TRIGGER = "trigger";
  static final String ACTIVATION = "activation";
  static final String ACTIVATED = "activated";
  public static final String NEEDS_ASSESSMENT = "needsAssessment";
  public static final String RESPONSE_PLAN = "responsePlan";
  public static final String PROJECTS = "projects";
  public static final String CONSOLIDATION = "consolidation";
  static final String CONSOLIDATION_CONSISTENT = "consolidationConsistent";
  static final String CONSOLIDATION_REVIEW = "consolidationReview";
  static final String PLAN_AMENDED = "planAmended";
  public static final String SIGN_OFFS = "signOffs";
  public static final String SIGNED_OFF = "signedOff";
  static final String ENDORSEMENT_DAYS = "endorsementDays";
  static final String ENDORSEMENT_DUE = "endorsementDue";
  static final String ENDORSEMENT = "endorsement";
  public static final String ENDORSED = "endorsed";
  static final String CANCELLATION = "cancellation";

  /** Element variable of the vetting multi-instance: the project under review. */
  public static final String REVISION_AFTER_DAYS = "revisionAfterDays";
  public static final String REVISION_DUE = "revisionDue";
  public static final String REVISION = "revision";
  static final String REVISION_DECISION = "revisionDecision";
  public static final String PUBLISHED_FIGURES = "publishedFigures";
  public static final String VERSION_CHANGES = "versionChanges";
  static final String REVISION_MESSAGE = "appealRevisionRequested";
  static final String CLOSURE_MESSAGE = "appealClosed";
  public static final String PROJECT_ID = "projectId";
  public static final String VETTING_DECISION = "vettingDecision";

  /** A project drafted in a partner's own sub-instance, handed back to the appeal. */
  public static final String SUBMITTED_PROJECT = "submittedProject";
  /** The returned project (without the panel's scores) handed to a revision sub-instance. */
  public static final String RETURNED_PROJECT = "returnedProject";
  public static final String VETTING_COMMENT = "vettingComment";
  static final String PROJECT_SUMMARY = "projectSummary";

  static final String CANCELLATION_MESSAGE = "appealCancelled";
  public static final String DOCUMENT_KIND = "appeal";

  private AppealVariables() {
  }

  /**
   * A project handed from a partner's sub-instance back to the appeal, in the transaction that
   * ends the sub-instance: transient, so neither instance writes it; the appeal records it in
   * {@value #PROJECTS}.
   */
  public static ObjectValue handedOver(PartnerProject project) {
    return Variables.objectValue(project, true).create();
  }
}
