package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The try-run-release sequence every lock mechanism shares; a vendor's lock says only how to try,
 * release and name its holder. The wait is a series of tries (timers, never a blocked thread,
 * 25 ms apart growing to 250 ms, with jitter): a waiter pins no pooled server connection
 * (PgBouncer), names the holder at once and every 10 s, and right before each new try asks
 * whether the holder left anything to do. A failed release never hides the work's own failure, and after a
 * successful run it fails the run: a lock we could not release is worth knowing about.
 */
public abstract class MigrationLockTemplate implements MigrationLock {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationLockTemplate.class);
  private static final long FIRST_RETRY_MILLIS = 25;
  private static final long LAST_RETRY_MILLIS = 250;
  /** How often a waiter names the holder again; a system property lets a test see it sooner. */
  private static final String REPORT_EVERY = "db.bootstrap.lockReportMillis";

  protected final Vertx vertx;

  protected MigrationLockTemplate(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Takes the lock if it is free right now; never waits. */
  protected abstract Future<Boolean> tryAcquire(SqlConnection connection);

  /** Releases a lock this run holds; fails with {@code LOCK_RELEASE_FAILED} when it cannot. */
  protected abstract Future<Void> release(SqlConnection connection);

  /** Who holds the lock, as well as the database can say ("pid 812 (psql, from 10.0.0.5) ..."); empty when unknown. */
  protected abstract Future<Optional<String>> holder(SqlConnection connection);

  /** What the lock is, for messages: "PostgreSQL advisory lock 42424242424242". */
  protected abstract String describe();

  @Override
  public final <T> Future<T> withLock(SqlConnection connection, Duration wait, LockWait<T> waiting,
                                      Function<SqlConnection, Future<T>> work) {
    return new Attempts<T>(connection, wait, waiting).next().compose(taken -> taken.isPresent()
        ? Future.succeededFuture(taken.get())
        : runThenRelease(connection, work));
  }

  /** One wait: tries until the lock is taken (empty) or the work turns out done (its outcome). */
  private final class Attempts<T> {
    private final SqlConnection connection;
    private final Duration wait;
    private final LockWait<T> waiting;
    private final long deadline;
    private final Promise<Optional<T>> outcome = Promise.promise();
    private long pause = FIRST_RETRY_MILLIS;
    private long nextReport;
    private String holder = "another instance";

    private Attempts(SqlConnection connection, Duration wait, LockWait<T> waiting) {
      this.connection = connection;
      this.wait = wait;
      this.waiting = waiting;
      this.deadline = System.nanoTime() + wait.toNanos();
    }

    Future<Optional<T>> next() {
      attempt();
      return outcome.future();
    }

    private void attempt() {
      if (waiting.stopRequested()) {
        outcome.tryFail(new BootstrapException(Reason.STOPPED, "stopped while waiting for the migration lock, as asked"));
        return;
      }
      safely(() -> tryAcquire(connection)).onFailure(outcome::tryFail).onSuccess(taken -> {
        if (taken) {
          outcome.tryComplete(Optional.empty());
        } else {
          whileHeldElsewhere();
        }
      });
    }

    /** Who holds it, as well as the database says; a failed look-up keeps the last answer. */
    private Future<Void> nameTheHolder() {
      return safely(() -> holder(connection)).<Void>map(found -> {
        holder = found.orElse("another instance");
        return null;
      }).otherwiseEmpty();
    }

    private void whileHeldElsewhere() {
      boolean firstMiss = nextReport == 0;
      boolean report = firstMiss || System.nanoTime() >= nextReport;
      Future<Void> named = report || System.nanoTime() >= deadline ? nameTheHolder() : Future.succeededFuture();
      named.compose(known -> {
        if (report) {
          nextReport = System.nanoTime() + Duration.ofMillis(Long.getLong(REPORT_EVERY, 10_000)).toNanos();
          LOG.info(firstMiss ? "Migration lock is held by {}; waiting up to {} s"
              : "Still waiting for the migration lock behind {} ({} s at most)", holder, seconds(wait));
        }
        if (System.nanoTime() >= deadline) {
          return Future.failedFuture(timedOut(wait, holder));
        }
        // Pause first, then ask: the holder's last commit comes just before its release, so asking
        // right before the next try finds its work done rather than taking the lock it just freed.
        long delay = pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        pause = Math.min(LAST_RETRY_MILLIS, pause * 2);
        return vertx.timer(delay, TimeUnit.MILLISECONDS).compose(waited -> waiting.stopRequested()
            ? Future.succeededFuture(Optional.<T>empty()) : safely(waiting::doneWithoutTheLock));
      }).onFailure(outcome::tryFail).onSuccess(done -> {
        if (done.isPresent()) {
          LOG.info("Nothing left to do after {}: done without the migration lock", holder);
          outcome.tryComplete(done);
        } else {
          attempt();
        }
      });
    }
  }

  private <T> Future<T> runThenRelease(SqlConnection connection, Function<SqlConnection, Future<T>> work) {
    return safely(() -> work.apply(connection)).transform(outcome -> release(connection).transform(released -> {
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

  private static <T> Future<T> safely(java.util.function.Supplier<Future<T>> call) {
    try {
      Future<T> started = call.get();
      return started != null ? started : Future.failedFuture(new IllegalStateException("no future returned"));
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

  private BootstrapException timedOut(Duration wait, String holder) {
    return new BootstrapException(Reason.LOCK_TIMEOUT, "could not take the migration lock (" + describe() + ") within "
        + seconds(wait) + " s: it is held by " + holder + "; raise MIGRATION_LOCK_TIMEOUT or check that instance");
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
