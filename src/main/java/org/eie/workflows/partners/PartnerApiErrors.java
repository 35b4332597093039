package org.eie.workflows.partners;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Error answers of the partner registry API: 400 naming the fields, 403, 404; JSON. */
@RestControllerAdvice(basePackageClasses = PartnerApiErrors.class)
class PartnerApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400, "errors", e.errors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      var reference = mapping.getPath().get(mapping.getPath().size() - 1);
      if (reference.getFieldName() != null) {
        field = reference.getFieldName();
      }
    }
    return ResponseEntity.badRequest().body(Map.of("status", 400, "errors",
        List.of(new FieldError(field, "not a valid value (or the body is not valid JSON)"))));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("status", 403, "message", e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("status", 404, "message", e.getMessage()));
  }
}
