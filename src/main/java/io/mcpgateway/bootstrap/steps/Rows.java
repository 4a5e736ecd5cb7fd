package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small parameterized-SQL helpers over {@link SqlTemplate}, whose {@code #{name}} parameters
 * become {@code $1} or {@code ?} as the connection's driver needs. A statement without parameters
 * goes as a plain query: one round trip, where a prepared statement on a new connection takes two
 * (prepare, then execute) and holds back every statement queued behind it meanwhile.
 */
final class Rows {

  private Rows() {
  }

  static Future<Long> update(SqlConnection connection, String sql, Map<String, Object> params) {
    return query(connection, sql, params).map(result -> (long) result.rowCount());
  }

  static Future<RowSet<Row>> query(SqlConnection connection, String sql, Map<String, Object> params) {
    return params.isEmpty() ? connection.query(sql).execute() : SqlTemplate.forQuery(connection, sql).execute(params);
  }

  /** The first row's columns as numbers (COUNT(*) and CASE results come back as Long or Integer). */
  static Future<long[]> counts(SqlConnection connection, String sql, Map<String, Object> params) {
    return query(connection, sql, params).map(rows -> {
      Row row = rows.iterator().next();
      long[] values = new long[row.size()];
      for (int i = 0; i < values.length; i++) {
        Object value = row.getValue(i);
        values[i] = value == null ? 0 : ((Number) value).longValue();
      }
      return values;
    });
  }

  /** The first column of every row, as text. */
  static Future<List<String>> strings(SqlConnection connection, String sql, Map<String, Object> params) {
    return query(connection, sql, params).map(rows -> {
      List<String> values = new ArrayList<>();
      rows.forEach(row -> values.add(String.valueOf(row.getValue(0))));
      return values;
    });
  }

  /** The first column of the first row, if any. */
  static Future<Optional<String>> firstString(SqlConnection connection, String sql, Map<String, Object> params) {
    return query(connection, sql, params).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Object value = it.next().getValue(0);
      return Optional.ofNullable(value == null ? null : value.toString());
    });
  }
}
