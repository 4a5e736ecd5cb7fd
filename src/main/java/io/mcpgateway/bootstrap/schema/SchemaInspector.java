package io.mcpgateway.bootstrap.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a database's schema from JDBC metadata alone, the same way on every kind: the
 * connection's own catalog and schema are where the gateway's tables live.
 */
final class SchemaInspector {

  private SchemaInspector() {
  }

  static SchemaState inspect(Connection connection) throws SQLException {
    Set<String> tables = tableNames(connection);
    if (tables.contains(CurrentSchema.HISTORY_TABLE)) {
      return SchemaState.VERSIONED;
    }
    if (tables.isEmpty()) {
      return SchemaState.EMPTY;
    }
    for (String[] column : CurrentSchema.TELL_TALE_COLUMNS) {
      if (!hasColumn(connection, column[0], column[1])) {
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

  private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, column)) {
      return rs.next();
    }
  }
}
