package org.eie.workflows.partners;

/** 403: the caller's role may not manage partner organisations (of that country). */
class ForbiddenException extends RuntimeException {

  ForbiddenException(String message) {
    super(message);
  }
}
