package org.eie.workflows.training;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the rollout API as JSON naming the field; bad input changes nothing. */
@RestControllerAdvice(assignableTypes = TrainingRolloutController.class)
class TrainingApiErrors {

  @ExceptionHandler(InvalidTrainingInput.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidTrainingInput e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400, "field", e.field(),
        "message", e.reason()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return ResponseEntity.badRequest().body(Map.of("status", 400, "field", field,
          "message", "has the wrong type (lists are JSON arrays of text, periods whole numbers)"));
    }
    return ResponseEntity.badRequest().body(Map.of("status", 400, "field", "body",
        "message", "is not a JSON object"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403,
        "message", "You may not do this: " + e.getMessage()));
  }
}
