package org.eie.workflows.appeal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The appeal API's errors as JSON a client can act on: which field, why. */
@RestControllerAdvice(assignableTypes = AppealController.class)
class AppealApiErrors {

  @ExceptionHandler(InvalidAppealInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidAppealInputException e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
        "message", e.getMessage(),
        "errors", e.errors().stream().map(AppealController.ProjectRequest::restNamed).toList()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
        "message", "The body is not a JSON object",
        "errors", List.of(new FieldError("body", "is not a JSON object"))));
  }

  @ExceptionHandler(SubmissionClosedException.class)
  ResponseEntity<Map<String, Object>> closed(SubmissionClosedException e) {
    return error(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(AppealNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(AppealNotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("status", status.value(),
        "error", status.getReasonPhrase(), "message", message));
  }
}
