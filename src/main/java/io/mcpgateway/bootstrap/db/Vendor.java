package io.mcpgateway.bootstrap.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs from one database to another, behind one interface: the URL forms, the
 * connection (options, TLS, session set-up, failure classification), the JDBC URL Flyway uses, the
 * migration lock, the error codes for a missing table, and the classes worth warming at start-up.
 * A vendor is picked once, from the URL's scheme ({@link Vendors}); code past the parser asks the
 * vendor instead of testing which database it is.
 *
 * <p>Adding a database means one package with an implementation of this interface, one line in
 * {@code META-INF/services/io.mcpgateway.bootstrap.db.Vendor}, and one thin test subclass.
 */
public interface Vendor {

  /**
   * The vendor's short lower-case name: the {@code kind} label of metrics and readiness events and
   * the {@code {vendor}} placeholder of migration locations ({@code postgresql}, {@code mysql}, {@code sqlite}).
   */
  String name();

  /** For messages: "PostgreSQL". */
  String displayName();

  /** The URL schemes it answers to, lower case, without a SQLAlchemy {@code +driver} suffix. */
  List<String> schemes();

  /** The URL forms it accepts, for the message that refuses a bad URL. */
  String urlForms();

  /**
   * Reads what follows {@code scheme:} in {@code DATABASE_URL}; {@code jdbc} tells whether the URL
   * started with {@code jdbc:}. Fails with {@code BAD_URL} naming what is wrong, never echoing a password.
   */
  DatabaseUrl parse(String afterScheme, boolean jdbc);

  /** The URL Flyway's JDBC driver uses: no credentials (they travel apart). */
  String jdbcUrl(DatabaseUrl url);

  /** Connection properties for the JDBC driver beyond user and password (TLS), passed apart from the URL. */
  default Map<String, String> jdbcProperties(DatabaseUrl url) {
    return Map.of();
  }

  /**
   * Opens the run's one dedicated connection, session set up; a failure is a
   * {@code BootstrapException} that says whether the server was unreachable, the login rejected or
   * the database unknown.
   */
  Future<DedicatedConnection> connect(Vertx vertx, DatabaseUrl url, WorkerExecutor worker);

  /** A new migration lock for one run, taken on the connection {@link #connect} opened. */
  MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker);

  /** The SQL that differs on this database. */
  SqlDialect dialect();

  /**
   * A warning for {@code replicas} instances sharing the database, when this database cannot serve
   * them all (one SQLite file is locked per host); empty when it can.
   */
  default Optional<String> replicaWarning(int replicas) {
    return Optional.empty();
  }

  /** Whether a failed query failed because the table it read does not exist. */
  boolean isMissingTable(Throwable failure);

  /**
   * Does, on the calling (background) thread, one-time set-up the first connection would otherwise
   * do on the event loop: codec tables, native libraries. Must not log and must never fail.
   */
  void warmUp();
}
