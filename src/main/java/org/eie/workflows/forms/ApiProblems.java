package org.eie.workflows.forms;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error answer of our API: RFC 9457 problem details ({@code application/problem+json})
 * with {@code status}, {@code title}, {@code detail} and, for refused input, {@code errors:
 * [{field, message}]} naming every field at fault. 400 for input, 403 for a role that may not
 * act, 404 for what the caller may not see (or does not exist), 409 for a real conflict of state.
 * A refusal logs one WARN line, without a stack trace; anything else is a defect (500, logged as
 * an error).
 */
@RestControllerAdvice
class ApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
    e.logOnce(LOG, request.getMethod() + " " + request.getRequestURI());
    return badRequest(e.errors(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e,
      HttpServletRequest request) {
    return refused(request, e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
        .toList());
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e,
      HttpServletRequest request) {
    return refused(request, e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                String.valueOf(error.getDefaultMessage()))))
        .toList());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e,
      HttpServletRequest request) {
    return refused(request, List.of(new FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e,
      HttpServletRequest request) {
    return refused(request, List.of(new FieldError(e.getName(), "is not a valid value")));
  }

  /** A body that is not JSON, or a value of the wrong JSON type, a duplicate or unknown key. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e,
      HttpServletRequest request) {
    Throwable cause = e.getCause();
    // A mapping error knows the field's path; its own cause (a parse or coercion error) does not.
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        cause = c;
        break;
      }
    }
    return refused(request, List.of(fieldErrorOf(cause == null ? e : cause)));
  }

  static FieldError fieldErrorOf(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof StreamConstraintsException limit) {
        return new FieldError("body", String.valueOf(limit.getOriginalMessage())
            .contains("nesting") ? "nests deeper than " + StrictJson.MAX_DEPTH + " levels"
            : "exceeds a size limit of the JSON reader");
      }
    }
    if (cause instanceof JsonParseException parse) {
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(parse.getOriginalMessage()));
      if (duplicate.find()) {
        return new FieldError(duplicate.group(1), "appears more than once");
      }
      return new FieldError("body", "is not valid JSON");
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      if (cause instanceof UnrecognizedPropertyException) {
        return new FieldError(field, "is not a field of this request");
      }
      if (cause instanceof InvalidFormatException invalid) {
        return new FieldError(field, "'" + invalid.getValue() + "' is not a valid value");
      }
      if (cause instanceof MismatchedInputException) {
        return new FieldError(field, "has the wrong type (text, number, list or object)");
      }
      return new FieldError(field, "is not a valid value");
    }
    return new FieldError("body", "is missing or not a JSON object");
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler({Forbidden.class, AuthorizationException.class})
  ResponseEntity<ProblemDetail> forbidden(RuntimeException e, HttpServletRequest request) {
    return answer(request, HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(StateConflict.class)
  ResponseEntity<ProblemDetail> conflict(StateConflict e, HttpServletRequest request) {
    var answer = answer(request, HttpStatus.CONFLICT, e.getMessage());
    e.error().ifPresent(error -> answer.getBody().setProperty("errors",
        inTheirLanguage(List.of(error), RequestContextUtils.getLocale(request))));
    return answer;
  }

  /** The engine refused a request as malformed (outside our own checks). */
  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadUserRequestException e,
      HttpServletRequest request) {
    return refused(request, List.of(new FieldError("body", e.getMessage())));
  }

  /** Spring's own refusals (unsupported media type or method, unknown path): their status. */
  @ExceptionHandler({HttpMediaTypeNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class, HttpRequestMethodNotSupportedException.class,
      NoResourceFoundException.class})
  ResponseEntity<ProblemDetail> spring(Exception e, HttpServletRequest request) {
    ErrorResponse error = (ErrorResponse) e;
    return answer(request, error.getStatusCode(), error.getBody().getDetail());
  }

  private static ResponseEntity<ProblemDetail> refused(HttpServletRequest request,
      List<FieldError> errors) {
    LOG.warn("Refused input ({} {}): {}", request.getMethod(), request.getRequestURI(), errors);
    return badRequest(errors, request);
  }

  /**
   * The refusal in the caller's language (language/PersonalLocale: their choice, else their
   * browser's), where our bundle has its words ({@link ProblemWording}); the log stays English.
   */
  private static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<FieldError> theirs = inTheirLanguage(errors, locale);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        theirs.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    problem.setTitle(Objects.requireNonNullElse(
        ProblemWording.title(HttpStatus.BAD_REQUEST.value(), locale), "Invalid input"));
    problem.setProperty("errors", theirs);
    return ResponseEntity.badRequest().body(problem);
  }

  private static List<FieldError> inTheirLanguage(List<FieldError> errors, Locale locale) {
    return errors.stream()
        .map(error -> new FieldError(error.field(), ProblemWording.in(error.message(), locale)))
        .toList();
  }

  private static ResponseEntity<ProblemDetail> answer(HttpServletRequest request,
      HttpStatusCode status, String detail) {
    LOG.warn("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(),
        status.value(), detail);
    Locale locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
        ProblemWording.in(detail, locale));
    String title = ProblemWording.title(status.value(), locale);
    if (title != null && !locale.getLanguage().equals("en")) {
      problem.setTitle(title);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
