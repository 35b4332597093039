package org.eie.workflows.forms;

/**
 * One rejected input: the field as the client named it (its key, for programs), and why, in
 * words a user understands. Read as text it names the field by the label the user saw.
 */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return FormLabels.of(field) + ": " + message;
  }
}
