package org.eie.workflows.forms;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A refusal answers as a refusal on every path of the engine's REST API and of the webapps' engine
 * API (Tasklist, Cockpit), wherever in the engine it was raised. Some resources wrap what the
 * engine throws into a 500 (starting with variables), and the engine wraps whatever a task
 * listener throws ("exception while invoking the TaskListener"): refused input somewhere in the
 * cause chain answers 400, and a refused permission (a sign-off claimed by the other
 * organisation) 403 with its own message; everything else is answered by the engine's handlers
 * unchanged. Jersey applies this discoverable (META-INF/services) to each of its applications,
 * the webapps' included; the mappers take precedence over the engine's (priority 1 against 5000).
 *
 * <p>Our refusals are answered in the caller's language as our API's are
 * ({@code forms/problems*.properties}, {@link ProblemWording}), each field named by its label on
 * the form in that language: the language is the one the request carries in
 * {@value #READER_LANGUAGE} (the security filters know the caller), else English. The engine's
 * own messages and the log stay English.
 */
public final class EngineRestRefusals implements AutoDiscoverable {

  /**
   * The request attribute holding the caller's language, a {@code Supplier<String>} of a code
   * (asked only when a refusal is answered).
   */
  public static final String READER_LANGUAGE = EngineRestRefusals.class.getName() + ".language";

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(Refusals.class)) {
      context.register(Refusals.class, 1);
      context.register(RestRefusals.class, 1);
    }
  }

  /** For what the engine throws. */
  public static final class Refusals implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  /** For what the REST resources throw (they wrap the engine's exceptions). */
  public static final class RestRefusals implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /**
   * The refusal as the user reads it, under the form: the field's label and why ("Locations:
   * Tripoli is not an affected area…"), without the engine's "Cannot submit task form
   * 4f1c…:" or "Cannot instantiate process definition …:" before it, which names the task or
   * definition by an id no user knows.
   */
  public static String inTheUsersWords(String message) {
    return message == null ? null : ENGINE_PREFIX.matcher(message).replaceFirst("");
  }

  private static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^(?:Cannot (?:submit task form|instantiate process definition|start process instance)"
          + "(?: \\S+)?: )+");

  static Response answer(Throwable exception) {
    return answer(exception, readerLocale());
  }

  static Response answer(Throwable exception, Locale reader) {
    var engine = ExceptionHandlerHelper.getInstance();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refused) {
        ExceptionDto body = new ExceptionDto();
        body.setType(refused.getClass().getSimpleName());
        body.setMessage(inTheirLanguage(refused, reader));
        return Response.fromResponse(engine.getResponse(exception))
            .status(Response.Status.BAD_REQUEST).entity(body).build();
      }
      if (cause instanceof AuthorizationException refused) {
        Response answer = engine.getResponse(refused);
        if (answer.getEntity() instanceof ExceptionDto body) {
          body.setMessage(ProblemWording.in(body.getMessage(), reader));
        }
        return answer;
      }
    }
    return engine.getResponse(exception);
  }

  /** Refused input as the reader reads the form: each field by its label, and why. */
  static String inTheirLanguage(FormFieldValidationException refused, Locale reader) {
    if (refused instanceof InvalidInput input && !Locale.ENGLISH.getLanguage()
        .equals(reader.getLanguage())) {
      return input.errors().stream()
          .map(error -> FormLabels.of(error.field(), reader.getLanguage()) + ": "
              + ProblemWording.in(error.message(), reader))
          .collect(Collectors.joining("; "));
    }
    return ProblemWording.in(inTheUsersWords(refused.getMessage()), reader);
  }

  /** The caller's language as the request carries it, else English. */
  private static Locale readerLocale() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object language = request == null ? null
        : request.getAttribute(READER_LANGUAGE, RequestAttributes.SCOPE_REQUEST);
    return language instanceof Supplier<?> supplier && supplier.get() instanceof String code
        ? Locale.forLanguageTag(code) : Locale.ENGLISH;
  }
}
