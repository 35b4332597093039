package org.eie.workflows.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;

/**
 * The one refusal of input, with every offending field named, wherever it arrives: our API
 * answers it with 400 problem details ({@link ApiProblems}); inside the engine it is a form field
 * validation failure, so Tasklist shows its message on the form, the engine's REST API answers a
 * form submission with 400, and the whole transaction rolls back: nothing is written.
 */
public class InvalidInput extends FormFieldValidationException {

  private final transient List<FieldError> errors;
  private transient boolean logged;

  public InvalidInput(List<FieldError> errors) {
    super(errors.get(0).field(),
        errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInput(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The first offending field. */
  public String field() {
    return errors.get(0).field();
  }

  /**
   * Logs the refusal as one WARN line, once: a refusal thrown inside the engine for a request of
   * our API passes both the engine's logging ({@link RefusalLogging}) and the API's
   * ({@link ApiProblems}).
   */
  public synchronized void logOnce(Logger log, String where) {
    if (!logged) {
      logged = true;
      log.warn("Refused input ({}): {}", where, errors);
    }
  }

  /** Fails with every error collected, if there is any. */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
