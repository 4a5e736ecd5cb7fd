package io.mcpgateway.bootstrap.lock;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The take-run-release template every lock mechanism shares; a subclass says only how to open
 * its connection and how to take and release its lock. A failed release never hides the work's
 * own failure (it is logged), and after a successful run it fails the run: a lock we could not
 * release is worth knowing about. Closing the connection is the last resort that ends a session
 * lock on the server side in any case.
 */
abstract class ConnectionBoundLock implements MigrationLock {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBoundLock.class);

  protected abstract Future<SqlConnection> openConnection();

  /** Takes the lock if it is free right now; never waits. */
  protected abstract Future<Boolean> tryAcquire(SqlConnection connection);

  /** Waits for the lock, at most {@code wait}, then fails with {@link #timedOut}. */
  protected abstract Future<Void> acquire(SqlConnection connection, Duration wait);

  protected abstract Future<Void> release(SqlConnection connection);

  /** Closes what {@link #openConnection()} opened. */
  protected Future<Void> close(SqlConnection connection) {
    return connection.close();
  }

  @Override
  public final <T> Future<T> withLock(Duration wait, Progress progress, Function<SqlConnection, Future<T>> work) {
    return openConnection().compose(connection ->
        Future.<Void>succeededFuture().andThen(connected -> progress.connected())
            .compose(connected -> tryThenWait(connection, wait))
            .compose(locked -> runThenRelease(connection, work))
            .transform(outcome -> close(connection).transform(closed -> {
              if (closed.failed()) {
                LOG.warn("Closing the lock connection failed: {}", closed.cause().getMessage());
              }
              return asFuture(outcome);
            })));
  }

  /** Trying first costs one round trip and lets an operator see in the log who is queuing. */
  private Future<Void> tryThenWait(SqlConnection connection, Duration wait) {
    return tryAcquire(connection).compose(taken -> {
      if (taken) {
        return Future.succeededFuture();
      }
      LOG.info("Migration lock is held by another instance; waiting up to {} s", seconds(wait));
      return acquire(connection, wait);
    });
  }

  private <T> Future<T> runThenRelease(SqlConnection connection, Function<SqlConnection, Future<T>> work) {
    return runSafely(connection, work).transform(outcome -> release(connection).transform(released -> {
      if (released.succeeded()) {
        return asFuture(outcome);
      }
      if (outcome.failed()) {
        LOG.warn("Releasing the migration lock failed after an earlier failure: {}", released.cause().getMessage());
        return asFuture(outcome);
      }
      return Future.failedFuture(new BootstrapException(Reason.LOCK_RELEASE_FAILED,
          "the bootstrap finished but releasing the migration lock failed: " + released.cause().getMessage(),
          released.cause()));
    }));
  }

  private static <T> Future<T> asFuture(AsyncResult<T> outcome) {
    return outcome.succeeded() ? Future.succeededFuture(outcome.result()) : Future.failedFuture(outcome.cause());
  }

  private static <T> Future<T> runSafely(SqlConnection connection, Function<SqlConnection, Future<T>> work) {
    try {
      return work.apply(connection);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Fails the release when the server says the lock was not held: someone else's session has it now. */
  protected static Future<Void> releasedOrFail(boolean released, String what) {
    return released ? Future.succeededFuture() : Future.failedFuture(new BootstrapException(Reason.LOCK_RELEASE_FAILED,
        "the " + what + " was not held at release time: the session may have been reset"));
  }

  protected static BootstrapException timedOut(String what, Duration wait) {
    return new BootstrapException(Reason.LOCK_TIMEOUT, "could not take the migration lock (" + what + ") within "
        + seconds(wait) + " s: another instance is still migrating; raise MIGRATION_LOCK_TIMEOUT or check for a stuck instance");
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.valueOf(millis / 1000.0);
  }
}
