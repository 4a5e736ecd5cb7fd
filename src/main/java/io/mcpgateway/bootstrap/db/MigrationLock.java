package io.mcpgateway.bootstrap.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;

/**
 * A cross-instance lock that serializes migrations. Like {@code pool.withTransaction(...)}, it
 * wraps the work: on the connection it is given (the run's dedicated one, since a session lock
 * lives and dies with its connection) it takes the lock, waiting at most {@code wait} and never on
 * an event-loop thread, runs the work, and releases the lock whether the work succeeded or failed.
 * A release that fails after a successful run fails the run ({@code LOCK_RELEASE_FAILED}); after a
 * failed run it is logged, and the work's own failure is reported.
 */
public interface MigrationLock {

  <T> Future<T> withLock(SqlConnection connection, Duration wait, Function<SqlConnection, Future<T>> work);
}
