package org.eie.workflows.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * The migrations run one node at a time. Flyway locks the database only once it is migrating; it
 * decides before that whether the database is empty or must be baselined. Two nodes starting
 * together on an empty PostgreSQL could see each other half-way: one had created the empty
 * history table, the other then found the schema "not empty" and refused to baseline it. Each
 * node now holds a PostgreSQL advisory lock, on a connection of its own, for the whole
 * {@code migrate}; the second finds the first's work done. The embedded H2 database serves one
 * node and needs no lock.
 */
@Component
class MigrationsOneNodeAtATime implements FlywayMigrationStrategy {

  /** Ours alone: Flyway's own advisory locks use keys derived from the history table's name. */
  private static final long LOCK_KEY = 0x4549455f4d494752L; // "EIE_MIGR"

  @Override
  public void migrate(Flyway flyway) {
    DataSource dataSource = flyway.getConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        flyway.migrate();
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
        try {
          flyway.migrate();
        } finally {
          statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The migrations' lock could not be taken or given back", e);
    }
  }
}
