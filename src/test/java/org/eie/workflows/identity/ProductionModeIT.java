package org.eie.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.eie.workflows.EieWorkflowsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * Outside the local demo mode no account has a default password. Run by Failsafe, apart from the
 * shared test context (Camunda's engine and webapp registries are static).
 */
class ProductionModeIT {

  /** Started as an operator would, with command-line settings that override application.yml. */
  private static ConfigurableApplicationContext production(String engineName,
      String adminPassword) {
    return new SpringApplicationBuilder(EieWorkflowsApplication.class).run(
        "--eie.demo=false",
        "--eie.admin.password=" + adminPassword,
        "--spring.datasource.url=jdbc:h2:mem:" + engineName + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.job-execution.enabled=false",
        "--server.port=0");
  }

  @Test
  void startUpFailsWithAClearMessageWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> production("nopassword", "").close())
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .hasMessageContaining("No administrator password configured: set EIE_ADMIN_PASSWORD"));
  }

  @Test
  void startsWithTheConfiguredAdministratorAndNoDemoUsers() {
    try (var context = production("production", "s3cret-from-vault")) {
      var identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(User::getId)
          .containsExactly("admin");
      assertThat(identity.checkPassword("admin", "s3cret-from-vault")).isTrue();
      assertThat(identity.checkPassword("admin", "admin")).isFalse();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isEqualTo(1);
    }
  }
}
