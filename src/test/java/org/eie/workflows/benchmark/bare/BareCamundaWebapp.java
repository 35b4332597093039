package org.eie.workflows.benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The baseline of the Tasklist comparison (docs/benchmarks.md, "Benchmarks"): Camunda's own
 * Spring Boot webapp and nothing of ours, started by the benchmark as a child process on the
 * database our application filled. Its class path has none of our classes or resources (no
 * {@code application.yml}, no engine plugins, no service-loaded REST providers, no process to
 * deploy); the benchmark hands it the engine settings ours runs with that change what a read
 * costs (authorization checks, full history, JSON object values, no CMMN). Camunda's webapps log
 * users in against the engine's own identity tables, which hold our demo users, groups, tenants
 * and grants: the bare webapp answers with our grant design (reads through the process
 * definition, per-task grants only for work).
 *
 * <p>Only {@code @EnableAutoConfiguration}, not {@code @SpringBootApplication}: the application's
 * component scan reaches this package in tests, and a configuration class found there would
 * carry these exclusions (no Spring Security) into every test's application.
 */
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.servlet"
        + ".OAuth2ClientWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet"
        + ".OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet"
        + ".ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration",
    "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration"})
public class BareCamundaWebapp {

  /** The engine settings of ours that change what a Tasklist read costs, as arguments. */
  public static final String[] SETTINGS = {
      "--spring.config.name=bare-camunda-webapp",
      "--spring.main.banner-mode=off",
      "--logging.level.root=WARN",
      "--camunda.bpm.auto-deployment-enabled=false",
      "--camunda.bpm.database.schema-update=false",
      "--camunda.bpm.authorization.enabled=true",
      "--camunda.bpm.history-level=full",
      "--camunda.bpm.default-serialization-format=application/json",
      "--camunda.bpm.generic-properties.properties.cmmnEnabled=false",
      "--camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries=false",
      "--camunda.bpm.generic-properties.properties.enableExpressionsInStoredQueries=true",
      "--camunda.bpm.generic-properties.properties.userResourceWhitelistPattern="
          + "[a-zA-Z0-9][a-zA-Z0-9._@-]*",
      "--camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern="
          + "[a-zA-Z0-9][a-zA-Z0-9_-]*",
      "--management.endpoints.web.exposure.include=health"};

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaWebapp.class, args);
  }
}
