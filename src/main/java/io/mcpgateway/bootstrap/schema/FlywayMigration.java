package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.ConnectionFailures;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.mcpgateway.bootstrap.schema.SchemaInspector.Inspection;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow path: Flyway, on a worker thread, over its own JDBC connection. It first classifies the
 * database ({@link SchemaState}): an empty one gets every migration, one that matches the adoption
 * signature without history is baselined at the signature's version (the reference's "stamp head"),
 * an unrecognised one is refused untouched. Kept apart from {@link SchemaMigrator} so the fast path
 * never loads Flyway.
 */
final class FlywayMigration {

  private static final Logger LOG = LoggerFactory.getLogger(FlywayMigration.class);

  private final DatabaseUrl url;
  private final MigrationSource source;
  private final WorkerExecutor worker;

  FlywayMigration(DatabaseUrl url, MigrationSource source, WorkerExecutor worker) {
    this.url = url;
    this.source = source;
    this.worker = worker;
  }

  Future<SchemaOutcome> migrate() {
    return worker.executeBlocking(this::migrateBlocking, false);
  }

  private SchemaOutcome migrateBlocking() {
    try {
      Flyway flyway = configure().load();
      Inspection found;
      try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
        found = SchemaInspector.inspect(connection, source.adoption());
      }
      return switch (found.state()) {
        case UNKNOWN -> throw unknownSchema();
        case CURRENT_UNVERSIONED -> baseline(found);
        case EMPTY, VERSIONED -> apply(flyway, found.state());
      };
    } catch (BootstrapException e) {
      throw e;
    } catch (FlywayException e) {
      throw new BootstrapException(Reason.MIGRATION_FAILED, "schema migration failed: "
          + ConnectionFailures.safe(oneLine(e.getMessage()), url), e);
    } catch (Exception e) {
      throw new BootstrapException(Reason.MIGRATION_FAILED, "schema inspection failed: "
          + ConnectionFailures.safe(oneLine(e.getMessage()), url), e);
    }
  }

  private BootstrapException unknownSchema() {
    return new BootstrapException(Reason.UNKNOWN_SCHEMA, unknownSchemaMessage(source.adoption()));
  }

  static String unknownSchemaMessage(AdoptionSignature adoption) {
    String why = adoption.adopts()
        ? "is not a schema the agent knows (it looked for the columns of " + adoption.describe() + ")"
        : "no adoption signature is configured";
    return "the database has tables but no " + MigrationSource.HISTORY_TABLE + " and " + why + "; nothing was"
        + " changed: upgrade it with the gateway version that made it, or point DATABASE_URL at an empty database";
  }

  private SchemaOutcome apply(Flyway flyway, SchemaState state) throws SQLException {
    // An empty database has no rows a precheck could find: no info(), which resolves every migration once more.
    if (state != SchemaState.EMPTY) {
      precheck(flyway);
    }
    MigrateResult result = flyway.migrate();
    String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion(flyway);
    if (result.migrationsExecuted > 0) {
      LOG.info("Applied {} migration(s); schema now at version {}", result.migrationsExecuted, version);
    }
    return new SchemaOutcome(state, version, result.migrationsExecuted);
  }

  private void precheck(Flyway flyway) throws SQLException {
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length > 0) {
      try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
        MigrationPrecheck.check(pending, url.vendor(), connection);
      }
    }
  }

  private SchemaOutcome baseline(Inspection found) throws SQLException {
    String version = found.baselineVersion();
    LOG.warn("Database has the schema of version {} but no {}: baselining at version {} instead of re-applying migrations",
        version, MigrationSource.HISTORY_TABLE, version);
    if (found.alembic()) {
      LOG.warn("The upstream gateway's own migrations built this database ({} is there): the agent adopts it, and from"
          + " now on its Flyway history manages the schema; the upstream Python bootstrap must not run on it again"
          + " (its Alembic chain would meet the agent's tables)", SchemaInspector.ALEMBIC_HISTORY);
    }
    Flyway flyway = configure().baselineVersion(version).baselineDescription("current schema found without history").load();
    flyway.baseline();
    return apply(flyway, SchemaState.CURRENT_UNVERSIONED);
  }

  private FluentConfiguration configure() {
    return Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .jdbcProperties(url.jdbcProperties())
        .locations(source.locationsFor(url.vendor()).toArray(String[]::new))
        .failOnMissingLocations(true)
        .table(MigrationSource.HISTORY_TABLE);
  }

  private static String currentVersion(Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
  }

  /** Flyway's messages span many lines (state, code, statement); the agent reports one. */
  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.strip().replaceAll("\\s*\\n[-\\s]*", "; ").replaceAll("\\s+", " ");
  }
}
