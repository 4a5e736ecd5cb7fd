package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.schema.SchemaInspector.Inspection;
import io.mcpgateway.bootstrap.schema.SchemaPlan.Decision;
import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
   * overlaps with connecting and locking instead of following them; files in jars were read once.
   */
  public SchemaMigrator readMigrations() {
    if (migrations == null) {
      List<String> locations = source.locationsFor(url.vendor());
      ClassLoader loader = SchemaMigrator.class.getClassLoader();
      Optional<List<Migration>> known = JarMigrations.known(loader, locations);
      migrations = known != null ? Future.succeededFuture(known)
          : worker.executeBlocking(() -> JarMigrations.read(loader, locations), false);
    }
    return this;
  }

  /**
   * With one read and no Flyway: what the schema step would do. A database without history is
   * {@code NO_HISTORY} here; {@link #plan} tells an empty one from one to adopt or refuse.
   */
  public Future<SchemaPlan> status(SqlConnection connection) {
    return readMigrations().migrations.compose(files -> files.isEmpty()
        ? Future.succeededFuture(SchemaPlan.of(Decision.FLYWAY_DECIDES, null, null))
        : HistoryCheck.check(connection, url.vendor(), files.get()));
  }

  /** {@link #status}, and for a database without history what its tables say (read over JDBC on a worker). */
  public Future<SchemaPlan> plan(SqlConnection connection) {
    return status(connection).compose(status -> status.decision() != Decision.NO_HISTORY ? Future.succeededFuture(status)
        : worker.executeBlocking(() -> withoutHistory(status), false));
  }

  private SchemaPlan withoutHistory(SchemaPlan status) throws SQLException {
    Inspection found;
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcConnectionProperties())) {
      found = SchemaInspector.inspect(connection, source.adoption());
    }
    return switch (found.state()) {
      case EMPTY -> new SchemaPlan(Decision.CREATE, null, status.to(), status.pending(), null);
      case CURRENT_UNVERSIONED -> new SchemaPlan(Decision.ADOPT, found.baselineVersion(), status.to(), status.pending().stream()
          .filter(pending -> MigrationFiles.compareVersions(pending.version(), found.baselineVersion()) > 0).toList(), null);
      case VERSIONED -> status; // the history table appeared since the first read
      case UNKNOWN -> SchemaPlan.refuse(null, status.to(), FlywayMigration.unknownSchemaMessage(source.adoption()));
    };
  }

  /** For a database file that does not exist yet: create the schema with every migration. */
  public Future<SchemaPlan> planWithoutDatabase() {
    return readMigrations().migrations.map(files -> files.map(list -> new SchemaPlan(Decision.CREATE, null,
        list.isEmpty() ? null : list.get(list.size() - 1).version(),
        list.stream().map(migration -> new SchemaPlan.Pending(migration.version(), migration.description())).toList(), null))
        .orElse(SchemaPlan.of(Decision.CREATE, null, null)));
  }

  /**
   * For a run that must not migrate ({@code MCPGATEWAY_SKIP_MIGRATIONS}): the schema as it is when
   * up to date, else a {@code SCHEMA_NOT_CURRENT} failure that names what is missing.
   */
  public Future<SchemaOutcome> requireCurrent(SqlConnection connection) {
    return status(connection).compose(status -> status.upToDate()
        ? Future.succeededFuture(new SchemaOutcome(SchemaState.VERSIONED, status.version(), 0))
        : Future.failedFuture(new BootstrapException(Reason.SCHEMA_NOT_CURRENT, "the schema is not current ("
            + status.describe() + ") and MCPGATEWAY_SKIP_MIGRATIONS is on: run the migrations first (the agent"
            + " one-shot with it off), then start again")));
  }

  /**
   * @param onNewDatabase called before Flyway starts on a database without history, so work that
   *     only a new database needs (hashing the admin's password) can run while Flyway migrates
   */
  public Future<SchemaOutcome> migrate(SqlConnection locked, Runnable onNewDatabase) {
    return status(locked).compose(status -> {
      if (status.upToDate()) {
        LOG.info("Schema is {}: Flyway not needed", status.describe());
        return Future.succeededFuture(new SchemaOutcome(SchemaState.VERSIONED, status.version(), 0));
      }
      if (status.decision() == Decision.FLYWAY_DECIDES) {
        LOG.info("The migration locations or the history hold what the fast path does not read; Flyway decides");
      }
      // Flyway has the last word on anything else, refusals included.
      return flyway(onNewDatabase, status.decision() == Decision.NO_HISTORY);
    });
  }

  private Future<SchemaOutcome> flyway(Runnable onNewDatabase, boolean maybeNew) {
    if (maybeNew) {
      onNewDatabase.run();
    }
    return new FlywayMigration(url, source, worker).migrate();
  }
}
