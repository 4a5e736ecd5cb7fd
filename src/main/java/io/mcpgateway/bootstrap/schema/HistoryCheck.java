package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.schema.BundledMigrations.Migration;
import io.vertx.core.Future;
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

  static Future<Verdict> check(SqlConnection connection, List<Migration> bundled) {
    return connection.query("SELECT version, checksum, type, success FROM " + CurrentSchema.HISTORY_TABLE)
        .execute()
        .map(rows -> {
          Map<String, Integer> applied = new HashMap<>();
          String baseline = null;
          for (Row row : rows) {
            String type = row.getString(2);
            String version = row.getString(0);
            if (!truthy(row.getValue(3)) || version == null || !("SQL".equals(type) || "BASELINE".equals(type))) {
              return Verdict.DIFFERENT;
            }
            if ("BASELINE".equals(type)) {
              baseline = version;
            } else {
              applied.put(version, row.getValue(1) == null ? null : ((Number) row.getValue(1)).intValue());
            }
          }
          return covers(bundled, applied, baseline) ? Verdict.CURRENT : Verdict.DIFFERENT;
        })
        .otherwise(Verdict.ABSENT);
  }

  private static boolean covers(List<Migration> bundled, Map<String, Integer> applied, String baseline) {
    if (bundled.isEmpty()) {
      return false;
    }
    for (Migration migration : bundled) {
      Integer checksum = applied.remove(migration.version());
      boolean baselined = baseline != null && compare(migration.version(), baseline) <= 0;
      if (checksum == null ? !baselined : checksum != migration.checksum()) {
        return false;
      }
    }
    return applied.isEmpty(); // a version we do not bundle: the database is newer than this agent
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
