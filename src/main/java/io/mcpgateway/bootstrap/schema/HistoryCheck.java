package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path's one question, asked with one SELECT: does the history table already list every
 * migration of the configured locations, successfully applied, with the same checksum and
 * description, and nothing else? Only then is Flyway skipped; anything unusual (a failed row, an
 * unknown version, a changed file, a newer database) goes to Flyway, which migrates or explains.
 */
final class HistoryCheck {

  /** What the history table says. */
  enum Verdict {
    /** Every migration applied as it is now: nothing for Flyway to do. */
    CURRENT,
    /** A history exists but differs: Flyway decides. */
    DIFFERENT,
    /** No history table (an empty or unversioned database). */
    ABSENT
  }

  /** The verdict, and for a current schema the version the history is at. */
  record Result(Verdict verdict, String version) {
  }

  private HistoryCheck() {
  }

  static Future<Result> check(SqlConnection connection, Vendor vendor, List<Migration> migrations) {
    return connection.query("SELECT version, description, checksum, type, success FROM " + MigrationSource.HISTORY_TABLE)
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
          return covers(migrations, applied, baseline)
              ? new Result(Verdict.CURRENT, newest(migrations.get(migrations.size() - 1).version(), baseline))
              : new Result(Verdict.DIFFERENT, null);
        })
        // Only a missing history table means "no history"; any other failure is reported as it is.
        .recover(failure -> vendor.isMissingTable(failure)
            ? Future.succeededFuture(new Result(Verdict.ABSENT, null))
            : Future.failedFuture(failure));
  }

  /** Flyway's validation compares checksum and description; so does the fast path. */
  private static boolean covers(List<Migration> migrations, Map<String, Row> applied, String baseline) {
    if (migrations.isEmpty()) {
      return false;
    }
    for (Migration migration : migrations) {
      Row row = applied.remove(migration.version());
      if (row == null) {
        if (baseline == null || MigrationFiles.compareVersions(migration.version(), baseline) > 0) {
          return false;
        }
      } else if (!(row.getValue(2) instanceof Number checksum) || checksum.intValue() != migration.checksum()
          || !migration.description().equals(row.getString(1))) {
        return false;
      }
    }
    return applied.isEmpty(); // a version we do not have: the database is newer than these migrations
  }

  private static String newest(String migrated, String baseline) {
    return baseline != null && MigrationFiles.compareVersions(baseline, migrated) > 0 ? baseline : migrated;
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }
}
