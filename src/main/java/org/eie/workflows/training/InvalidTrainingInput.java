package org.eie.workflows.training;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user must correct, naming the field. A BadUserRequestException so that Tasklist and the
 * engine REST API show it to the user (and roll back) instead of logging a server error.
 */
class InvalidTrainingInput extends BadUserRequestException {

  private final String field;

  InvalidTrainingInput(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  String field() {
    return field;
  }

  String reason() {
    String message = getMessage();
    return message.substring(field.length() + 2);
  }
}
