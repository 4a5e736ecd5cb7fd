package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The try-wait-run-release sequence every lock mechanism shares; a vendor's lock says only how to
 * take and release its lock. Trying first costs one round trip and lets an operator see in the log
 * that a replica is queuing. A failed release never hides the work's own failure, and after a
 * successful run it fails the run: a lock we could not release is worth knowing about.
 */
public abstract class MigrationLockTemplate implements MigrationLock {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationLockTemplate.class);

  /** Takes the lock if it is free right now; never waits. */
  protected abstract Future<Boolean> tryAcquire(SqlConnection connection);

  /** Waits for the lock, at most {@code wait}, then fails with {@link #timedOut}. */
  protected abstract Future<Void> acquire(SqlConnection connection, Duration wait);

  /** Releases a lock this run holds; fails with {@code LOCK_RELEASE_FAILED} when it cannot. */
  protected abstract Future<Void> release(SqlConnection connection);

  /** What the lock is, for messages: "PostgreSQL advisory lock 42424242424242". */
  protected abstract String describe();

  @Override
  public final <T> Future<T> withLock(SqlConnection connection, Duration wait, Function<SqlConnection, Future<T>> work) {
    return tryThenWait(connection, wait).compose(locked -> runThenRelease(connection, work));
  }

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
      return Future.failedFuture(released.cause() instanceof BootstrapException known ? known
          : releaseFailed("the bootstrap finished but releasing the " + describe() + " failed: "
              + released.cause().getMessage(), released.cause()));
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
  protected Future<Void> releasedOrFail(boolean released) {
    return released ? Future.succeededFuture()
        : Future.failedFuture(releaseFailed("the " + describe() + " was not held at release time: the session may have been reset", null));
  }

  protected static BootstrapException releaseFailed(String message, Throwable cause) {
    return new BootstrapException(Reason.LOCK_RELEASE_FAILED, message, cause);
  }

  protected BootstrapException timedOut(Duration wait) {
    return new BootstrapException(Reason.LOCK_TIMEOUT, "could not take the migration lock (" + describe() + ") within "
        + seconds(wait) + " s: another instance is still migrating; raise MIGRATION_LOCK_TIMEOUT or check for a stuck instance");
  }

  /** The lock could not be taken for a reason other than waiting too long. */
  protected BootstrapException lockFailed(String why, Throwable cause) {
    return new BootstrapException(Reason.LOCK_FAILED, "could not take the migration lock (" + describe() + "): " + why, cause);
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.valueOf(millis / 1000.0);
  }
}
