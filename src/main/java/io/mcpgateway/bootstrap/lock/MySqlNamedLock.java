package io.mcpgateway.bootstrap.lock;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.mcpgateway.bootstrap.db.ConnectionFailures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.SslMode;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) on the reference's name. The server bounds the
 * wait and wakes us as soon as the holder releases; name and timeout travel as parameters.
 */
public final class MySqlNamedLock extends ConnectionBoundLock {

  /** The reference's lock name. */
  public static final String LOCK_NAME = "mcpgateway_migration";
  private static final int PIPELINING = 8;

  private final Vertx vertx;
  private final DatabaseUrl url;

  public MySqlNamedLock(Vertx vertx, DatabaseUrl url) {
    this.vertx = vertx;
    this.url = url;
  }

  public static MySQLConnectOptions connectOptions(DatabaseUrl url) {
    MySQLConnectOptions options = new MySQLConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password() == null ? "" : url.password())
        // The client sends one statement at a time unless told otherwise; the orphan step sends six.
        .setPipeliningLimit(PIPELINING);
    return switch (url.tls()) {
      case DEFAULT, DISABLE -> options.setSslMode(SslMode.DISABLED);
      case PREFER -> options.setSslMode(SslMode.PREFERRED).setSslOptions(new ClientSSLOptions().setTrustAll(true));
      case REQUIRE -> options.setSslMode(SslMode.REQUIRED).setSslOptions(new ClientSSLOptions().setTrustAll(true));
    };
  }

  @Override
  protected Future<SqlConnection> openConnection() {
    return MySQLConnection.connect(vertx, connectOptions(url))
        .recover(failure -> Future.failedFuture(ConnectionFailures.classify(failure, url)))
        // DATETIME columns keep no zone: write UTC, as PostgreSQL, SQLite and the reference do.
        .compose(connection -> connection.query("SET time_zone = '+00:00'").execute().map(set -> connection));
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return getLock(connection, 0);
  }

  @Override
  protected Future<Void> acquire(SqlConnection connection, Duration wait) {
    // GET_LOCK takes whole seconds on MySQL; round up so a short timeout still waits.
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return getLock(connection, seconds).compose(taken -> taken
        ? Future.succeededFuture()
        : Future.failedFuture(timedOut("MySQL GET_LOCK('" + LOCK_NAME + "')", wait)));
  }

  /** GET_LOCK answers 1 (taken), 0 (timed out) or NULL (an error such as a killed wait). */
  private static Future<Boolean> getLock(SqlConnection connection, long seconds) {
    return connection.preparedQuery("SELECT GET_LOCK(?, ?)").execute(Tuple.of(LOCK_NAME, seconds))
        .compose(rows -> {
          Object got = rows.iterator().next().getValue(0);
          if (got instanceof Number n) {
            return Future.succeededFuture(n.intValue() == 1);
          }
          return Future.failedFuture(new BootstrapException(Reason.LOCK_TIMEOUT,
              "GET_LOCK('" + LOCK_NAME + "') returned NULL: the server could not take the lock (killed or out of memory)"));
        });
  }

  @Override
  protected Future<Void> release(SqlConnection connection) {
    return connection.preparedQuery("SELECT RELEASE_LOCK(?)").execute(Tuple.of(LOCK_NAME))
        .compose(rows -> releasedOrFail(rows.iterator().next().getValue(0) instanceof Number n && n.intValue() == 1,
            "MySQL lock '" + LOCK_NAME + "'"));
  }
}
