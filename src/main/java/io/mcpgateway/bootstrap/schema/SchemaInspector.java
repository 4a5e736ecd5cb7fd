package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.schema.AdoptionSignature.Level;
import io.mcpgateway.bootstrap.schema.AdoptionSignature.TableColumn;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a database's schema from JDBC metadata alone, the same way on every database: the
 * connection's own catalog and schema are where the gateway's tables live.
 */
final class SchemaInspector {

  /** Alembic's history table: the upstream gateway's own migrations built the database. */
  static final String ALEMBIC_HISTORY = "alembic_version";

  /**
   * What was found.
   *
   * @param baselineVersion for {@link SchemaState#CURRENT_UNVERSIONED}, the version the signature recognised
   * @param alembic whether the upstream gateway's Alembic history table is there
   */
  record Inspection(SchemaState state, String baselineVersion, boolean alembic) {
  }

  private SchemaInspector() {
  }

  static Inspection inspect(Connection connection, AdoptionSignature adoption) throws SQLException {
    Set<String> tables = tableNames(connection);
    boolean alembic = tables.contains(ALEMBIC_HISTORY);
    if (tables.contains(MigrationSource.HISTORY_TABLE)) {
      return new Inspection(SchemaState.VERSIONED, null, alembic);
    }
    if (tables.isEmpty()) {
      return new Inspection(SchemaState.EMPTY, null, false);
    }
    for (Level level : adoption.levels()) {
      if (hasAll(connection, level)) {
        return new Inspection(SchemaState.CURRENT_UNVERSIONED, level.version(), alembic);
      }
    }
    return new Inspection(SchemaState.UNKNOWN, null, alembic);
  }

  static Set<String> tableNames(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    Set<String> names = new HashSet<>();
    // Views and sequences count too: Flyway calls a schema with any of them non-empty.
    try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
        new String[] {"TABLE", "VIEW", "SEQUENCE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static boolean hasAll(Connection connection, Level level) throws SQLException {
    for (TableColumn column : level.tellTaleColumns()) {
      if (!hasColumn(connection, column)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasColumn(Connection connection, TableColumn column) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), column.table(), column.column())) {
      return rs.next();
    }
  }
}
