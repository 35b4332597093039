package org.eie.workflows.forms;

/** One rejected input: the field as the client named it, and why, in words a user understands. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
