package org.eie.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The embedded default a newcomer runs: H2 (here in memory, so the test leaves no ./data behind),
 * demo users seeded, engine up. Run by Failsafe in a JVM of its own: Camunda keeps engines and
 * webapp state in static registries, which must not mix with the shared PostgreSQL context.
 */
@SpringBootTest(classes = EieWorkflowsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:eie-starts-on-h2;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=h2check",
        "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class StartsOnH2IT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identity;

  @Test
  void startsWithDemoUsersAndAnswersHealth() {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("h2");
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    assertThat(identity.checkPassword("lb.unicef", "demo")).isTrue();
    assertThat(identity.checkPassword("admin", "admin")).isTrue();
    var health = new Http(port).get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  @Test
  void partnerRegistryRunsOnH2WithTheDemoOrganisations() {
    assertThat(identity.createUserQuery().memberOfGroup("partner-LB-nrc").userId("partner2.lb")
        .count()).isEqualTo(1);
    var organisations = new Http(port).get("/api/partner-organisations?country=LB", "lb.unicef");
    assertThat(organisations.statusCode()).isEqualTo(200);
    assertThat(organisations.body()).contains("\"acronym\":\"LEA\"", "\"acronym\":\"NRC\"")
        .doesNotContain("CESF");
  }
}
