package org.eie.workflows.operations;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * V30: Camunda 7.24's tables, created by Flyway (once per database, under its lock) rather than
 * by every engine that starts ({@code camunda.bpm.database.schema-update=false}). Two nodes
 * starting together on an empty PostgreSQL used to both create them and one failed
 * ({@code duplicate key ... pg_type_typname_nsp_index}).
 *
 * <p>A database the engine created itself (every database before this migration existed) is the
 * baseline: Camunda's tables are there, at 7.24, and nothing is recreated. A database at another
 * Camunda version stops the start-up with a message: it needs Camunda's upgrade scripts first
 * (docs/operations.md, "Upgrading Camunda").
 */
@Component
class CamundaSchemaMigration implements JavaMigration {

  static final String CAMUNDA_VERSION = "7.24";

  private static final Logger LOG = LoggerFactory.getLogger(CamundaSchemaMigration.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("30");
  }

  @Override
  public String getDescription() {
    return "Camunda " + CAMUNDA_VERSION + " schema";
  }

  @Override
  public Integer getChecksum() {
    return 724_0;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!CamundaSchema.present(connection)) {
      CamundaSchema.create(connection);
      LOG.info("Created Camunda {} tables ({}).", CAMUNDA_VERSION,
          CamundaSchema.databaseType(connection));
      return;
    }
    String version = CamundaSchema.version(connection);
    if (version == null || !version.startsWith(CAMUNDA_VERSION + ".")) {
      throw new IllegalStateException("Camunda's tables are at version " + version + ", this"
          + " application needs " + CAMUNDA_VERSION + ": run Camunda's upgrade scripts first"
          + " (docs/operations.md, \"Upgrading Camunda\").");
    }
    LOG.info("Camunda {} tables present (created by the engine): kept as they are.", version);
  }
}
