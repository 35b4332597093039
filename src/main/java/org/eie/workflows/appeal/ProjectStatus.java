package org.eie.workflows.appeal;

/**
 * A partner project's status, with the names OCHA's Projects Module uses. WITHDRAWN: accepted
 * into an earlier version and taken out at a revision.
 */
public enum ProjectStatus {
  SUBMITTED, RETURNED, ACCEPTED, REJECTED, WITHDRAWN
}
