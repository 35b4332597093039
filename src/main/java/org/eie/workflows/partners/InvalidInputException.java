package org.eie.workflows.partners;

import java.util.List;

/** A request refused before anything was written: 400 with every offending field. */
class InvalidInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  InvalidInputException(List<FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  List<FieldError> errors() {
    return errors;
  }
}
