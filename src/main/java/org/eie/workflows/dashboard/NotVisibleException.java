package org.eie.workflows.dashboard;

import org.eie.workflows.forms.NotFound;

/**
 * Nothing of that id the caller may see: unknown, or another country's. Both answer the same 404,
 * so the answer never tells that another country's process exists.
 */
class NotVisibleException extends NotFound {

  NotVisibleException(String what, String id) {
    super("No " + what + " " + id);
  }
}
