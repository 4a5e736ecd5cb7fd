package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import io.mcpgateway.bootstrap.schema.SchemaPlan.Decision;
import io.mcpgateway.bootstrap.schema.SchemaPlan.Pending;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path's one question, asked with one SELECT: does the history table already list every
 * migration of the configured locations, successfully applied, with the same checksum and
 * description, and nothing else? Only then is Flyway skipped. Otherwise it says what Flyway would
 * do with its default rules: apply what is pending, leave a newer database alone, or refuse (a
 * failed row, a changed file, a migration gone or pending below the applied version); rows only
 * Flyway judges (repeatable or Java migrations) go to Flyway.
 */
final class HistoryCheck {

  private HistoryCheck() {
  }

  static Future<SchemaPlan> check(SqlConnection connection, Vendor vendor, List<Migration> migrations) {
    String newest = migrations.isEmpty() ? null : migrations.get(migrations.size() - 1).version();
    return connection.query("SELECT version, description, checksum, type, success FROM " + MigrationSource.HISTORY_TABLE)
        .execute()
        .map(rows -> judge(rows, migrations, newest))
        // Only a missing history table means "no history"; any other failure is reported as it is.
        .recover(failure -> vendor.isMissingTable(failure)
            ? Future.succeededFuture(new SchemaPlan(Decision.NO_HISTORY, null, newest, pending(migrations), null))
            : Future.failedFuture(failure));
  }

  private static SchemaPlan judge(RowSet<Row> rows, List<Migration> migrations, String newest) {
    Map<String, Row> applied = new HashMap<>();
    String baseline = null;
    for (Row row : rows) {
      String version = row.getString(0);
      String type = row.getString(3);
      if (version == null || !("SQL".equals(type) || "BASELINE".equals(type))) {
        return SchemaPlan.of(Decision.FLYWAY_DECIDES, null, newest);
      }
      if (!truthy(row.getValue(4))) {
        return SchemaPlan.refuse(version, newest, "migration " + version + " failed in an earlier run and Flyway refuses"
            + " to go on until it is repaired: fix what failed, then run 'flyway repair' or delete its row from "
            + MigrationSource.HISTORY_TABLE);
      }
      if ("BASELINE".equals(type)) {
        baseline = version;
      } else {
        applied.put(version, row);
      }
    }
    String at = newestOf(applied.keySet(), baseline);
    if (at == null || migrations.isEmpty()) {
      return SchemaPlan.of(Decision.FLYWAY_DECIDES, at, newest);
    }
    List<Migration> notApplied = new ArrayList<>();
    for (Migration migration : migrations) {
      Row row = applied.remove(migration.version());
      if (row != null && !sameAsApplied(migration, row)) {
        return SchemaPlan.refuse(at, newest, "migration " + migration.version() + " was changed after it was applied"
            + " (its checksum or description differs from the history's) and Flyway refuses: restore the file, and put"
            + " the change in a new version");
      }
      if (row == null && (baseline == null || MigrationFiles.compareVersions(migration.version(), baseline) > 0)) {
        if (MigrationFiles.compareVersions(migration.version(), at) < 0) {
          return SchemaPlan.refuse(at, newest, "migration " + migration.version() + " is pending below the applied"
              + " version " + at + " and Flyway refuses it out of order: give it a version above " + at);
        }
        notApplied.add(migration);
      }
    }
    for (String unknown : applied.keySet()) {
      if (MigrationFiles.compareVersions(unknown, newest) < 0) {
        return SchemaPlan.refuse(at, newest, "version " + unknown + " is applied but is not among the migrations, and"
            + " Flyway refuses: run the agent with the migrations that made this database");
      }
    }
    if (!applied.isEmpty()) {
      return SchemaPlan.of(Decision.NEWER, at, newest);
    }
    return notApplied.isEmpty() ? SchemaPlan.of(Decision.CURRENT, at, MigrationFiles.compareVersions(at, newest) > 0 ? at : newest)
        : new SchemaPlan(Decision.MIGRATE, at, newest, pending(notApplied), null);
  }

  /** Flyway's validation compares checksum and description; so does the fast path. */
  private static boolean sameAsApplied(Migration migration, Row row) {
    return row.getValue(2) instanceof Number checksum && checksum.intValue() == migration.checksum()
        && migration.description().equals(row.getString(1));
  }

  private static List<Pending> pending(List<Migration> migrations) {
    return migrations.stream().map(migration -> new Pending(migration.version(), migration.description())).toList();
  }

  private static String newestOf(Iterable<String> versions, String baseline) {
    String newest = baseline;
    for (String version : versions) {
      if (newest == null || MigrationFiles.compareVersions(version, newest) > 0) {
        newest = version;
      }
    }
    return newest;
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }
}
