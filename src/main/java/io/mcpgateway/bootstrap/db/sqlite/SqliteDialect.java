package io.mcpgateway.bootstrap.db.sqlite;

import io.mcpgateway.bootstrap.db.SqlDialect;

/**
 * SQLite: {@code UPDATE OR IGNORE} lets the unique indexes refuse each row that would collide;
 * {@code NOT INDEXED} makes it a scan in rowid order, so the first row inserted takes a key (the
 * driver is built without UPDATE ... ORDER BY). No index is needed for it, unlike a spelled-out
 * rule, which SQLite would plan as a scan per row on a table without statistics.
 */
final class SqliteDialect implements SqlDialect {

  static final SqliteDialect INSTANCE = new SqliteDialect();

  @Override
  public String updateLeavingRefusedRows(String table, String set, String where, String refused) {
    return "UPDATE OR IGNORE " + table + " AS o NOT INDEXED SET " + set + " WHERE " + where;
  }

  @Override
  public String json(String parameter) {
    return parameter;
  }
}
