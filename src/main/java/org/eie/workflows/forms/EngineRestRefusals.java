package org.eie.workflows.forms;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * A refusal answers as a refusal on every path of the engine's REST API and of the webapps' engine
 * API (Tasklist, Cockpit), wherever in the engine it was raised. Some resources wrap what the
 * engine throws into a 500 (starting with variables), and the engine wraps whatever a task
 * listener throws ("exception while invoking the TaskListener"): refused input somewhere in the
 * cause chain answers 400, and a refused permission (a sign-off claimed by the other
 * organisation) 403 with its own message; everything else is answered by the engine's handlers
 * unchanged. Jersey applies this discoverable (META-INF/services) to each of its applications,
 * the webapps' included; the mappers take precedence over the engine's (priority 1 against 5000).
 */
public final class EngineRestRefusals implements AutoDiscoverable {

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
    var engine = ExceptionHandlerHelper.getInstance();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refused) {
        ExceptionDto body = new ExceptionDto();
        body.setType(refused.getClass().getSimpleName());
        body.setMessage(inTheUsersWords(refused.getMessage()));
        return Response.fromResponse(engine.getResponse(exception))
            .status(Response.Status.BAD_REQUEST).entity(body).build();
      }
      if (cause instanceof AuthorizationException refused) {
        return engine.getResponse(refused);
      }
    }
    return engine.getResponse(exception);
  }
}
