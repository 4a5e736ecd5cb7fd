package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.schema.BundledMigrations.Migration;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path's one question, asked with one SELECT on the locked connection: does the history
 * table already list every bundled migration, successfully applied, with the same checksum, and
 * nothing else? Only then is Flyway skipped; anything unusual (a failed row, an unknown version,
 * a changed file, a newer database) goes to Flyway, which migrates or explains.
 */
final class HistoryCheck {

  /** What the history table says. */
  enum Verdict {
    /** Every bundled migration applied as bundled: nothing for Flyway to do. */
    CURRENT,
    /** A history exists but differs: Flyway decides. */
    DIFFERENT,
    /** No history table (an empty or unversioned database). */
    ABSENT
  }

  private HistoryCheck() {
  }

  /** The verdict, and for a current schema the version the history is at. */
  record Result(Verdict verdict, String version) {
  }

  static Future<Result> check(SqlConnection connection, List<Migration> bundled) {
    return connection.query("SELECT version, description, checksum, type, success FROM " + CurrentSchema.HISTORY_TABLE)
        .execute()
        .map(rows -> {
          Map<String, Row> applied = new HashMap<>();
          String baseline = null;
          for (Row row : rows) {
            String type = row.getString(3);
            String version = row.getString(0);
            if (!truthy(row.getValue(4)) || version == null || !("SQL".equals(type) || "BASELINE".equals(type))) {
              return new Result(Verdict.DIFFERENT, null);
            }
            if ("BASELINE".equals(type)) {
              baseline = version;
            } else {
              applied.put(version, row);
            }
          }
          return covers(bundled, applied, baseline)
              ? new Result(Verdict.CURRENT, newest(bundled.get(bundled.size() - 1).version(), baseline))
              : new Result(Verdict.DIFFERENT, null);
        })
        .recover(failure -> isMissingTable(failure)
            ? Future.succeededFuture(new Result(Verdict.ABSENT, null))
            : Future.failedFuture(failure));
  }

  /** Flyway's validation compares checksum and description; so does the fast path. */
  private static boolean covers(List<Migration> bundled, Map<String, Row> applied, String baseline) {
    if (bundled.isEmpty()) {
      return false;
    }
    for (Migration migration : bundled) {
      Row row = applied.remove(migration.version());
      if (row == null) {
        if (baseline == null || compare(migration.version(), baseline) > 0) {
          return false;
        }
      } else if (!(row.getValue(2) instanceof Number checksum) || checksum.intValue() != migration.checksum()
          || !migration.description().equals(row.getString(1))) {
        return false;
      }
    }
    return applied.isEmpty(); // a version we do not bundle: the database is newer than this agent
  }

  private static String newest(String bundled, String baseline) {
    return baseline != null && compare(baseline, bundled) > 0 ? baseline : bundled;
  }

  /** Only a missing history table means "no history"; any other failure is reported as it is. */
  private static boolean isMissingTable(Throwable failure) {
    if (failure instanceof DatabaseException db && ("42P01".equals(db.getSqlState()) || "42S02".equals(db.getSqlState()))) {
      return true;
    }
    String message = String.valueOf(failure.getMessage());
    return message.contains("no such table"); // SQLite, through JDBC
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }
}
