package io.mcpgateway.bootstrap.db;

/**
 * The SQL that differs between databases, for the steps that need it. Statements use the alias
 * {@code o} for the table they update.
 */
public interface SqlDialect {

  /**
   * An UPDATE of {@code table AS o} that leaves alone each row the table's unique keys would refuse,
   * never renaming anything: where several rows would take one key, one of them, always the same
   * one, takes it. {@code refused} is that rule as one {@code EXISTS} on {@code o} (its key taken by
   * another row, or by a row that comes first), for a database that cannot let its keys decide.
   *
   * @param set the SET clause's assignments, columns unqualified
   * @param where which rows to update (over alias {@code o})
   */
  String updateLeavingRefusedRows(String table, String set, String where, String refused);

  /** A JSON value from a text parameter, for a column that may be JSON or text. */
  String json(String parameter);
}
