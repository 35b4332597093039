package org.eie.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A country cluster added in the environment, as an operator does: EIE_COUNTRIES_ZW=Zimbabwe. */
@Tag("fast")
class EnvironmentCountriesTest {

  @Test
  void countryCodesFromTheEnvironmentWorkInEitherCase() {
    var sources = new MutablePropertySources();
    sources.addFirst(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
        "EIE_COUNTRIES_ZW", "Zimbabwe", "EIE_COUNTRIES_lb", "Lebanon", "EIE_DEMO", "true")));

    EieProperties properties = new Binder(ConfigurationPropertySources.from(sources))
        .bind("eie", EieProperties.class).get();

    assertThat(properties.countries()).containsEntry("ZW", "Zimbabwe")
        .containsEntry("LB", "Lebanon").doesNotContainKeys("zw", "lb");
    assertThat(properties.isCountry("ZW")).isTrue();
  }
}
