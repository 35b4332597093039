package org.eie.workflows.appeal;

import org.eie.workflows.forms.NotFound;

/** No appeal with this id that the caller may see: answered 404, whichever the case. */
public class AppealNotFoundException extends NotFound {

  public AppealNotFoundException(String appealId) {
    super("No appeal " + appealId + " that you may see");
  }
}
