package org.eie.workflows.appeal;

/** No appeal with this id that the caller may see: answered 404, whichever the case. */
class AppealNotFoundException extends RuntimeException {

  AppealNotFoundException(String appealId) {
    super("No appeal " + appealId + " that you may see");
  }
}
