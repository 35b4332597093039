package org.eie.workflows.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import java.util.Date;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A Jersey application set up as the engine's are (Camunda's mapper configurator registered)
 * reads and writes JSON and HAL with one mapper, configured as the engine configures its own.
 */
@Tag("fast")
class EngineRestJsonTest {

  @Test
  void everyBodyOfAnEngineApplicationUsesOneMapperWithTheEnginesSettings() throws Exception {
    // Jersey's Spring bridge (on the class path) wants a context: an empty one.
    var application = new ApplicationHandler(new ResourceConfig(JacksonConfigurator.class)
        .property("contextConfig", new GenericApplicationContext()));
    Providers providers = application.getInjectionManager().getInstance(Providers.class);

    ObjectMapper json = providers.getContextResolver(ObjectMapper.class,
        MediaType.APPLICATION_JSON_TYPE).getContext(Date.class);
    ObjectMapper hal = providers.getContextResolver(ObjectMapper.class,
        MediaType.valueOf(Hal.APPLICATION_HAL_JSON)).getContext(Object.class);

    assertThat(hal).isSameAs(json);
    assertThat(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
        .getContext(String.class)).isSameAs(json);
    Date instant = new Date(0);
    assertThat(json.writeValueAsString(instant)).isEqualTo(
        new JacksonConfigurator().getContext(Date.class).writeValueAsString(instant));
  }
}
