package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * A PostgreSQL session advisory lock on the reference's key, so a Python gateway and this agent
 * serialize against each other. Unlike the reference's unbounded {@code pg_advisory_lock}, the wait
 * is bounded by the session's {@code lock_timeout}: the server wakes us the moment the holder
 * releases, and the event loop only waits for a reply.
 */
final class PostgresAdvisoryLock extends MigrationLockTemplate {

  /** The reference's key: {@code pg_lock_id = 42424242424242}. */
  static final long LOCK_KEY = 42424242424242L;
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  @Override
  protected String describe() {
    return "PostgreSQL advisory lock " + LOCK_KEY;
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_KEY))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  @Override
  protected Future<Void> acquire(SqlConnection connection, Duration wait) {
    String timeout = Math.max(1, wait.toMillis()) + "ms";
    return connection.preparedQuery("SELECT set_config('lock_timeout', $1, false)").execute(Tuple.of(timeout))
        .compose(set -> connection.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(LOCK_KEY)))
        .recover(failure -> Future.failedFuture(isLockTimeout(failure) ? timedOut(wait) : failure))
        // Only the lock wait is bounded; later statements get the server's own setting back.
        .compose(locked -> connection.query("RESET lock_timeout").execute())
        .mapEmpty();
  }

  @Override
  protected Future<Void> release(SqlConnection connection) {
    return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(LOCK_KEY))
        .compose(rows -> releasedOrFail(Boolean.TRUE.equals(rows.iterator().next().getBoolean(0))));
  }

  private static boolean isLockTimeout(Throwable failure) {
    return failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState());
  }
}
