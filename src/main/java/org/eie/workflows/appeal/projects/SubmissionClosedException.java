package org.eie.workflows.appeal.projects;

import org.eie.workflows.forms.StateConflict;

/** A partner project that arrived after the appeal's submission deadline: refused, never stored. */
public class SubmissionClosedException extends StateConflict {

  public SubmissionClosedException(String message) {
    super(message);
  }
}
