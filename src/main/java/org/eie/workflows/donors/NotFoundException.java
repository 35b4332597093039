package org.eie.workflows.donors;

/** 404: does not exist, or is not visible to the caller (indistinguishable on purpose). */
class NotFoundException extends RuntimeException {

  NotFoundException(String message) {
    super(message);
  }
}
