package io.mcpgateway.bootstrap.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;

/**
 * A cross-instance lock that serializes migrations. Like {@code pool.withTransaction(...)}, it
 * wraps the work: on the connection it is given it takes the lock, waiting at most {@code wait}
 * and never on an event-loop thread, runs the work, and releases the lock whether the work
 * succeeded or failed. While it waits it names the holder and asks {@link LockWait} whether the
 * work is still needed. A release that fails after a successful run fails the run
 * ({@code LOCK_RELEASE_FAILED}); after a failed run it is logged, and the work's own failure is
 * reported.
 */
public interface MigrationLock {

  /**
   * Runs {@code work} under the lock, handing it the lock's connection; a lock that keeps that
   * connection inside a transaction ({@link #occupiesItsConnection()}) needs the work to run on
   * another connection of the caller's.
   */
  <T> Future<T> withLock(SqlConnection lockConnection, Duration wait, LockWait<T> waiting, Function<SqlConnection, Future<T>> work);

  /** Whether the lock keeps its connection busy while held, so the work needs a connection of its own. */
  default boolean occupiesItsConnection() {
    return false;
  }
}
