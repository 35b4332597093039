package org.eie.workflows.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One JSON mapper for the engine's REST resources, configured once, instead of a new one for
 * every request.
 *
 * <p>The engine's REST API and the webapps' engine API (Tasklist's and Cockpit's calls) ask
 * Camunda's {@link JacksonConfigurator} for their mapper at every body they read or write, and it
 * builds and configures a new {@link ObjectMapper} each time, so Jackson also rebuilds every
 * serializer and deserializer for each request (about a tenth of the application's CPU under
 * Tasklist's load). Jersey applies this discoverable (META-INF/services) to each of its
 * applications, the webapps' included, whose servlets we do not configure; it adds a resolver with
 * the engine's configuration, made once, ahead of the engine's own (priority 1 against 5000).
 */
public final class EngineRestJson implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(SharedMapper.class)) {
      context.register(SharedMapper.class, 1);
    }
  }

  /** Camunda's configuration, made on first use (after the REST API has set its date format). */
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static final class SharedMapper implements ContextResolver<ObjectMapper> {

    private static volatile ObjectMapper shared;

    @Override
    public ObjectMapper getContext(Class<?> type) {
      ObjectMapper mapper = shared;
      if (mapper == null) {
        mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
        shared = mapper;
      }
      return mapper;
    }
  }
}
