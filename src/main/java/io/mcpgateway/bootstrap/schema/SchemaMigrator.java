package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.schema.HistoryCheck.Verdict;
import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the configured migrations. The fast path asks the history
 * table on the locked connection whether every migration is applied with the same checksum; when
 * it is, Flyway is not even loaded (it costs about half a second of start-up). Otherwise Flyway
 * runs ({@link FlywayMigration}) and migrates, baselines, validates or refuses.
 */
public final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final DatabaseUrl url;
  private final MigrationSource source;
  private final WorkerExecutor worker;
  private Future<Optional<List<Migration>>> migrations;

  public SchemaMigrator(DatabaseUrl url, MigrationSource source, WorkerExecutor worker) {
    this.url = url;
    this.source = source;
    this.worker = worker;
  }

  /**
   * Starts reading the migration files (names and checksums) on a worker now, so that it
   * overlaps with connecting and locking instead of following them.
   */
  public SchemaMigrator readMigrations() {
    if (migrations == null) {
      List<String> locations = source.locationsFor(url.vendor());
      migrations = worker.executeBlocking(() -> MigrationFiles.read(locations, SchemaMigrator.class.getClassLoader()), false);
    }
    return this;
  }

  /**
   * @param onNewDatabase called before Flyway starts on a database without history, so work that
   *     only a new database needs (hashing the admin's password) can run while Flyway migrates
   */
  public Future<SchemaOutcome> migrate(SqlConnection locked, Runnable onNewDatabase) {
    return readMigrations().migrations.compose(files -> {
      if (files.isEmpty()) {
        LOG.info("Migration locations hold files the fast path does not read; Flyway decides");
        return flyway(onNewDatabase, false);
      }
      return HistoryCheck.check(locked, url.vendor(), files.get()).compose(history -> {
        if (history.verdict() == Verdict.CURRENT) {
          LOG.info("Schema is current at version {}: every migration is applied, Flyway not needed", history.version());
          return Future.succeededFuture(new SchemaOutcome(SchemaState.VERSIONED, history.version(), 0));
        }
        return flyway(onNewDatabase, history.verdict() == Verdict.ABSENT);
      });
    });
  }

  private Future<SchemaOutcome> flyway(Runnable onNewDatabase, boolean maybeNew) {
    if (maybeNew) {
      onNewDatabase.run();
    }
    return new FlywayMigration(url, source, worker).migrate();
  }
}
