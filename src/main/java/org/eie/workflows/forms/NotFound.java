package org.eie.workflows.forms;

/**
 * Nothing with this id that the caller may see: 404, the same whether it does not exist or
 * belongs to a country the caller does not work in.
 */
public class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message);
  }
}
