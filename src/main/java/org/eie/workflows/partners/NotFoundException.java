package org.eie.workflows.partners;

/** 404: does not exist, or is not the caller's to see (indistinguishable on purpose). */
class NotFoundException extends RuntimeException {

  NotFoundException(String message) {
    super(message);
  }
}
