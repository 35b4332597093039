package org.eie.workflows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL (embedded binaries), with demo users, authorization
 * checks on and a real HTTP port. Test classes extend this to share one application context;
 * the job executor is off, tests execute jobs themselves. Process test coverage is recorded for
 * every class (target/process-test-coverage).
 */
@SpringBootTest(classes = EieWorkflowsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({PostgresApplicationTest.EmbeddedPostgresDatabase.class,
    ProcessEngineCoverageConfiguration.class})
public abstract class PostgresApplicationTest {

  /**
   * PostgreSQL as a bean of the test context, so that it stops after the engine that uses it
   * (its own JVM shutdown hook would race the context's and leave the engine without a database).
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class EmbeddedPostgresDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder()
          // Generous: on a loaded 2-core machine initdb and start-up can take well over 10 s.
          .setPGStartupWait(Duration.ofSeconds(90))
          .setRegisterShutdownHook(false)
          .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
      return DataSourceBuilder.create()
          .url(postgres.getJdbcUrl("postgres", "postgres"))
          .username("postgres")
          .password("postgres")
          .build();
    }
  }
}
