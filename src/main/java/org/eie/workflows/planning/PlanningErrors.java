package org.eie.workflows.planning;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input to the planning API answers 400 with the fields at fault, for example
 * {@code {"errors":[{"field":"firstYear","message":"must be between 2026 and 2036 ..."}]}};
 * a caller who may not start a cycle gets 403.
 */
@RestControllerAdvice(assignableTypes = PlanningCycleController.class)
class PlanningErrors {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    return badRequest(e.getBindingResult().getFieldErrors().stream()
        .map(error -> Map.of("field", error.getField(),
            "message", String.valueOf(error.getDefaultMessage())))
        .collect(Collectors.toList()));
  }

  @ExceptionHandler(PlanInputException.class)
  ResponseEntity<Map<String, Object>> invalid(PlanInputException e) {
    return badRequest(List.of(Map.of("field", e.field(),
        "message", e.getMessage().substring(e.field().length() + 2))));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      String message = mismatch instanceof InvalidFormatException invalid
          ? "'" + invalid.getValue() + "' is not a valid value" : "has the wrong type";
      return badRequest(List.of(Map.of("field", String.valueOf(field), "message", message)));
    }
    return badRequest(List.of(Map.of("field", "body", "message", "is not a JSON object")));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("message", "You may not start a strategic planning cycle"));
  }

  private static ResponseEntity<Map<String, Object>> badRequest(List<Map<String, String>> errors) {
    return ResponseEntity.badRequest().body(Map.of("errors", errors));
  }
}
