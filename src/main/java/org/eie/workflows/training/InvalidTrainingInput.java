package org.eie.workflows.training;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a user must correct, naming the field. A form field validation failure, so that Tasklist
 * shows it beside the form and the engine REST API answers 400 (submit-form), rolling back.
 * Thrown from execution listeners, which the engine passes on unwrapped (it wraps what task
 * listeners throw into a server error).
 */
class InvalidTrainingInput extends FormFieldValidationException {

  private final String field;

  InvalidTrainingInput(String field, String message) {
    super(field, field + ": " + message);
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
