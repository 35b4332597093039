package org.eie.workflows.donors;

/** 403: the caller's role may not use this part of the donor API. */
class ForbiddenException extends RuntimeException {

  ForbiddenException(String message) {
    super(message);
  }
}
