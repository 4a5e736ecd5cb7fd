package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) on the reference's name. The server bounds the
 * wait and wakes us as soon as the holder releases; name and timeout travel as parameters.
 */
final class MySqlNamedLock extends MigrationLockTemplate {

  /** The reference's lock name. */
  static final String LOCK_NAME = "mcpgateway_migration";

  @Override
  protected String describe() {
    return "MySQL named lock '" + LOCK_NAME + "'";
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return getLock(connection, 0);
  }

  @Override
  protected Future<Void> acquire(SqlConnection connection, Duration wait) {
    // GET_LOCK takes whole seconds on MySQL; round up so a short timeout still waits.
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return getLock(connection, seconds).compose(taken -> taken ? Future.succeededFuture() : Future.failedFuture(timedOut(wait)));
  }

  /** GET_LOCK answers 1 (taken), 0 (timed out) or NULL (an error such as a killed wait): the last is no timeout. */
  private Future<Boolean> getLock(SqlConnection connection, long seconds) {
    return connection.preparedQuery("SELECT GET_LOCK(?, ?)").execute(Tuple.of(LOCK_NAME, seconds))
        .compose(rows -> {
          Object got = rows.iterator().next().getValue(0);
          if (got instanceof Number n) {
            return Future.succeededFuture(n.intValue() == 1);
          }
          return Future.failedFuture(lockFailed("GET_LOCK returned NULL: the server could not take it (the wait was killed,"
              + " or the server ran out of memory); check the server's error log", null));
        });
  }

  @Override
  protected Future<Void> release(SqlConnection connection) {
    return connection.preparedQuery("SELECT RELEASE_LOCK(?)").execute(Tuple.of(LOCK_NAME))
        .compose(rows -> releasedOrFail(rows.iterator().next().getValue(0) instanceof Number n && n.intValue() == 1));
  }
}
