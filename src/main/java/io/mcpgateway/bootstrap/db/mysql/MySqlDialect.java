package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.SqlDialect;

/**
 * MySQL/MariaDB: {@code UPDATE IGNORE} lets the unique keys themselves refuse each row that would
 * collide, in the order the rows are read. Forced onto the primary key, the read is InnoDB's
 * clustered index in id order, so the lowest id of a key takes it (an {@code ORDER BY id} promises
 * the same but sorts every orphan first). A WHERE that reads the updated table would make MariaDB
 * update in two passes (and MySQL refuse it, error 1093). IGNORE downgrades errors to warnings; the
 * values these updates set (ids and e-mail addresses taken from columns of the same types, never
 * NULL) can raise none but a duplicate key.
 */
final class MySqlDialect implements SqlDialect {

  static final MySqlDialect INSTANCE = new MySqlDialect();

  @Override
  public String updateLeavingRefusedRows(String table, String set, String where, String refused) {
    return "UPDATE IGNORE " + table + " o FORCE INDEX (PRIMARY) SET " + set + " WHERE " + where;
  }

  @Override
  public String json(String parameter) {
    return parameter;
  }
}
