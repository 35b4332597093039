package org.eie.workflows.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that is well formed and allowed but does not fit the process's state now (a call for
 * projects that has closed): 409 in our API; inside the engine a bad user request (400 there).
 */
public class StateConflict extends BadUserRequestException {

  public StateConflict(String message) {
    super(message);
  }
}
