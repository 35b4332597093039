package org.eie.workflows.appeal;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The appeal's process variables: a few loose ones the BPMN's expressions need (country for the
 * candidate groups and tenant, the deadlines for the timers, the decisions for the gateways) and
 * one JSON variable per stage, readable in Tasklist, Cockpit and REST (never Java-serialised).
 */
final class AppealVariables {

  static final String COUNTRY = "country";
  static final String APPEAL_TYPE = "appealType";
  static final String LANGUAGE = "language";
  static final String ONSET = "onset";
  static final String ASSESSMENT_DUE = "assessmentDue";
  static final String PUBLICATION_DEADLINE_DAYS = "publicationDeadlineDays";
  static final String PUBLICATION_DEADLINE = "publicationDeadline";
  static final String SUBMISSION_DEADLINE = "submissionDeadline";

  static final String TRIGGER = "trigger";
  static final String ACTIVATION = "activation";
  static final String ACTIVATED = "activated";
  static final String NEEDS_ASSESSMENT = "needsAssessment";
  static final String RESPONSE_PLAN = "responsePlan";
  static final String PROJECTS = "projects";
  static final String CONSOLIDATION = "consolidation";
  static final String CONSOLIDATION_CONSISTENT = "consolidationConsistent";
  static final String CONSOLIDATION_REVIEW = "consolidationReview";
  static final String PLAN_AMENDED = "planAmended";
  static final String SIGN_OFFS = "signOffs";
  static final String SIGNED_OFF = "signedOff";
  static final String ENDORSEMENT_DAYS = "endorsementDays";
  static final String ENDORSEMENT_DUE = "endorsementDue";
  static final String ENDORSEMENT = "endorsement";
  static final String ENDORSED = "endorsed";
  static final String CANCELLATION = "cancellation";

  /** Element variable of the vetting multi-instance: the project under review. */
  static final String REVISION_AFTER_DAYS = "revisionAfterDays";
  static final String REVISION_DUE = "revisionDue";
  static final String REVISION = "revision";
  static final String REVISION_DECISION = "revisionDecision";
  static final String PUBLISHED_FIGURES = "publishedFigures";
  static final String VERSION_CHANGES = "versionChanges";
  static final String REVISION_MESSAGE = "appealRevisionRequested";
  static final String CLOSURE_MESSAGE = "appealClosed";
  static final String PROJECT_ID = "projectId";
  static final String VETTING_DECISION = "vettingDecision";

  /** A project drafted in a partner's own sub-instance, handed back to the appeal. */
  static final String SUBMITTED_PROJECT = "submittedProject";
  /** The returned project (without the panel's scores) handed to a revision sub-instance. */
  static final String RETURNED_PROJECT = "returnedProject";
  static final String VETTING_COMMENT = "vettingComment";
  static final String PROJECT_SUMMARY = "projectSummary";

  static final String CANCELLATION_MESSAGE = "appealCancelled";
  static final String DOCUMENT_KIND = "appeal";

  private AppealVariables() {
  }

  /**
   * A project handed from a partner's sub-instance back to the appeal, in the transaction that
   * ends the sub-instance: transient, so neither instance writes it; the appeal records it in
   * {@value #PROJECTS}.
   */
  static ObjectValue handedOver(PartnerProject project) {
    return Variables.objectValue(project, true).create();
  }
}
