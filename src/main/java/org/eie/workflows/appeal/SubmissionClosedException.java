package org.eie.workflows.appeal;

import org.camunda.bpm.engine.BadUserRequestException;

/** A partner project that arrived after the appeal's submission deadline: refused, never stored. */
public class SubmissionClosedException extends BadUserRequestException {

  public SubmissionClosedException(String message) {
    super(message);
  }
}
