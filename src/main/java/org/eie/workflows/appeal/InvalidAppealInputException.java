package org.eie.workflows.appeal;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that the appeal cannot take, with every offending field named. A form field validation
 * failure (of the first field), so that Tasklist shows its message on the form and the engine's
 * REST API answers a form submission with 400 (it answers other engine errors there with 500);
 * our own API answers 400 with the fields as JSON ({@link AppealApiErrors}).
 * Thrown inside the engine it rolls back the whole transaction: nothing is written.
 */
public class InvalidAppealInputException extends FormFieldValidationException {

  private final transient List<FieldError> errors;

  public InvalidAppealInputException(List<FieldError> errors) {
    super(errors.get(0).field(),
        errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidAppealInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
