package org.eie.workflows.forms;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refused input answers 400 on every path of the engine's REST API. Its form submissions already
 * do, but some resources (starting a process instance with variables, for one) wrap whatever the
 * engine throws into a 500, so a start with an unknown country looked like a defect of ours. This
 * mapper takes precedence over the engine's own for {@link RestException}: a refusal of input
 * anywhere in the cause chain becomes the same error body with status 400; everything else is
 * answered by the engine's handler unchanged.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new Mapper(), 1);
  }

  /** Registered with priority 1, so that it is chosen over the engine's mapper (priority 5000). */
  static final class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engine = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response answer = engine.toResponse(exception);
      return refusedInput(exception)
          ? Response.fromResponse(answer).status(Response.Status.BAD_REQUEST).build()
          : answer;
    }

    private static boolean refusedInput(Throwable exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException) {
          return true;
        }
      }
      return false;
    }
  }
}
