package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.SqlDialect;

/**
 * PostgreSQL checks unique keys row by row and has no UPDATE that skips a refused row, so the rule
 * is spelled out: a top-level NOT EXISTS over equalities only, planned as one hash anti-join.
 */
final class PostgresDialect implements SqlDialect {

  static final PostgresDialect INSTANCE = new PostgresDialect();

  @Override
  public String updateLeavingRefusedRows(String table, String set, String where, String refused) {
    return "UPDATE " + table + " AS o SET " + set + " WHERE (" + where + ") AND NOT " + refused;
  }

  /**
   * Typed text first, then cast: a parameter the server types as json would be sent by the client
   * as a JSON string. Into a text column, json converts back by assignment.
   */
  @Override
  public String json(String parameter) {
    return "CAST(CAST(" + parameter + " AS text) AS json)";
  }
}
