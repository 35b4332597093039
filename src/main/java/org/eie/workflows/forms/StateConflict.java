package org.eie.workflows.forms;

import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that is well formed and allowed but does not fit the process's state now (a call for
 * projects that has closed, a second planning cycle for the same years): 409 in our API, naming
 * the field when one field decides it; inside the engine a bad user request (400 there), so
 * Tasklist shows it on the form.
 */
public class StateConflict extends BadUserRequestException {

  private final transient FieldError error;

  public StateConflict(String message) {
    super(message);
    this.error = null;
  }

  /** The conflict lies in one field's value (its label names it in the message). */
  public StateConflict(String field, String message) {
    this(new FieldError(field, message));
  }

  private StateConflict(FieldError error) {
    super(error.toString());
    this.error = error;
  }

  public Optional<FieldError> error() {
    return Optional.ofNullable(error);
  }
}
