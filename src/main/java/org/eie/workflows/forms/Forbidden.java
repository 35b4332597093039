package org.eie.workflows.forms;

/** The caller's role may not do this: 403 (the engine's own refusals answer the same). */
public class Forbidden extends RuntimeException {

  public Forbidden(String message) {
    super(message);
  }
}
