package org.eie.workflows.appeal;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that the appeal cannot take, with every offending field named. A
 * {@link BadUserRequestException}, so that Tasklist shows its message on the form and the engine's
 * REST API answers 400; our own API answers 400 with the fields as JSON ({@link AppealApiErrors}).
 * Thrown inside the engine it rolls back the whole transaction: nothing is written.
 */
public class InvalidAppealInputException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public InvalidAppealInputException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidAppealInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
