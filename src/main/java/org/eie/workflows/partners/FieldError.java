package org.eie.workflows.partners;

/** One refused field of a request: its name as the client sent it, and why. */
record FieldError(String field, String message) {
}
