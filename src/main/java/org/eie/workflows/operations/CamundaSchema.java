package org.eie.workflows.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda's own SQL scripts, shipped inside camunda-engine, run by our migrations (under
 * Flyway's lock) instead of by the engine at start-up: {@code db/create/activiti.<db>.create.*.sql}
 * for an empty database, {@code db/upgrade/<db>_engine_<from>_to_<to>.sql} for a new release.
 */
final class CamundaSchema {

  /** The order the engine itself creates its tables in. */
  private static final List<String> COMPONENTS = List.of("engine", "history", "identity",
      "case.engine", "decision.engine", "case.history", "decision.history");

  /** Where the engine jar keeps its scripts (Operaton: {@code org/operaton/bpm/engine/db/}). */
  static final String SCRIPTS = "org/camunda/bpm/engine/db/";

  private CamundaSchema() {
  }

  /** Camunda's name of the database behind the connection: {@code postgres} or {@code h2}. */
  static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("Camunda's schema is migrated for PostgreSQL and H2 only, not "
        + product);
  }

  /** Whether Camunda's tables exist already (a database created by an earlier start). */
  static boolean present(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The version the schema was last created or upgraded to, from Camunda's schema log. */
  static String version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_ desc, ID_ desc")) {
      return row.next() ? row.getString(1) : null;
    }
  }

  /** Creates every Camunda table, as {@code schema-update=true} would on first start. */
  static void create(Connection connection) throws SQLException {
    String database = databaseType(connection);
    for (String component : COMPONENTS) {
      run(connection, SCRIPTS + "create/activiti." + database + ".create."
          + component + ".sql");
    }
  }

  /**
   * Runs Camunda's upgrade script from one minor release to the next (for example 7.24 to
   * 7.25), as shipped in the new release's camunda-engine, if the schema is still at
   * {@code from}: a database created by the new release's own scripts (V30 on an empty
   * database) is already there and is left alone. Returns whether it ran.
   */
  static boolean upgrade(Connection connection, String from, String to) throws SQLException {
    String current = version(connection);
    if (current == null || !current.startsWith(from + ".")) {
      return false;
    }
    run(connection, SCRIPTS + "upgrade/" + databaseType(connection) + "_engine_" + from + "_to_"
        + to + ".sql");
    return true;
  }

  private static void run(Connection connection, String script) {
    var resource = new ClassPathResource(script);
    if (!resource.exists()) {
      throw new IllegalStateException("Camunda script not on the classpath: " + script);
    }
    ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, "UTF-8"));
  }
}
