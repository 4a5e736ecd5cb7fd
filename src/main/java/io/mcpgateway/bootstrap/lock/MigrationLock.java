package io.mcpgateway.bootstrap.lock;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;

/**
 * A cross-instance lock that serializes migrations. Like {@code pool.withTransaction(...)}, it
 * wraps the work: it opens its own dedicated connection, takes the lock (waiting at most
 * {@code wait}, never on an event-loop thread), hands that connection to the work, and releases
 * the lock and closes the connection whether the work succeeded or failed.
 */
public interface MigrationLock {

  /** Told when the connection is open, so connecting and waiting can be timed apart. */
  interface Progress {
    Progress NONE = () -> { };

    void connected();
  }

  <T> Future<T> withLock(Duration wait, Progress progress, Function<SqlConnection, Future<T>> work);

  default <T> Future<T> withLock(Duration wait, Function<SqlConnection, Future<T>> work) {
    return withLock(wait, Progress.NONE, work);
  }
}
