package org.eie.workflows.appeal;

/** A partner project's status, with the names OCHA's Projects Module uses. */
public enum ProjectStatus {
  SUBMITTED, RETURNED, ACCEPTED, REJECTED
}
