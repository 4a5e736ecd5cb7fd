package io.mcpgateway.bootstrap.schema;

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

  private SchemaInspector() {
  }

  static SchemaState inspect(Connection connection, AdoptionSignature adoption) throws SQLException {
    Set<String> tables = tableNames(connection);
    if (tables.contains(MigrationSource.HISTORY_TABLE)) {
      return SchemaState.VERSIONED;
    }
    if (tables.isEmpty()) {
      return SchemaState.EMPTY;
    }
    if (!adoption.adopts()) {
      return SchemaState.UNKNOWN;
    }
    for (TableColumn column : adoption.tellTaleColumns()) {
      if (!hasColumn(connection, column)) {
        return SchemaState.UNKNOWN;
      }
    }
    return SchemaState.CURRENT_UNVERSIONED;
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

  private static boolean hasColumn(Connection connection, TableColumn column) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), column.table(), column.column())) {
      return rs.next();
    }
  }
}
