package org.eie.workflows.planning;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user gave in a planning form that cannot be accepted. The message names the field and
 * says what to change; Tasklist shows it and nothing is saved (the task stays open).
 */
class PlanInputException extends BadUserRequestException {

  private final String field;

  PlanInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
