package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.mcpgateway.bootstrap.schema.BundledMigrations.Migration;
import io.mcpgateway.bootstrap.schema.HistoryCheck.Verdict;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the newest bundled version. The fast path asks the history table on the
 * locked connection whether every bundled migration is applied with the same checksum; when it
 * is, Flyway is not even loaded (it costs about a second of start-up). Otherwise Flyway runs
 * ({@link FlywayMigration}) and migrates, baselines, validates or refuses.
 */
public final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final DatabaseUrl url;
  private final WorkerExecutor worker;
  private Future<List<Migration>> bundled;

  public SchemaMigrator(DatabaseUrl url, WorkerExecutor worker) {
    this.url = url;
    this.worker = worker;
  }

  /**
   * Starts reading the bundled migrations (file names and checksums) on a worker now, so that it
   * overlaps with connecting and locking instead of following them.
   */
  public SchemaMigrator readBundledMigrations() {
    if (bundled == null) {
      bundled = worker.executeBlocking(() -> BundledMigrations.of(url.kind()), false);
    }
    return this;
  }

  /**
   * @param onNewDatabase called before Flyway starts on a database without history, so work that
   *     only a new database needs (hashing the admin's password) can run while Flyway migrates
   */
  public Future<SchemaOutcome> migrate(SqlConnection locked, Runnable onNewDatabase) {
    return readBundledMigrations().bundled
        .compose(migrations -> HistoryCheck.check(locked, migrations).compose(history -> {
          if (history.verdict() == Verdict.CURRENT) {
            LOG.info("Schema is current at version {}: every bundled migration is applied, Flyway not needed",
                history.version());
            return Future.succeededFuture(new SchemaOutcome(SchemaState.VERSIONED, history.version(), 0));
          }
          if (history.verdict() == Verdict.ABSENT) {
            onNewDatabase.run();
          }
          return new FlywayMigration(url, worker).migrate();
        }));
  }
}
