package io.mcpgateway.bootstrap.db;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What a run does while another instance holds the migration lock: between two tries it asks,
 * with reads only, whether the holder has left nothing to do; if so the run is over without the
 * lock (a replica that queued behind another's migration finishes the moment it is done).
 *
 * @param <T> what the work under the lock would have produced
 */
public interface LockWait<T> {

  /** Never finish early: wait for the lock. */
  static <T> LockWait<T> forTheLock() {
    return () -> Future.succeededFuture(Optional.empty());
  }

  /** The outcome when nothing is left to do; empty when the lock is still needed. */
  Future<Optional<T>> doneWithoutTheLock();

  /** Whether the run was told to stop (a signal): the wait ends at once. */
  default boolean stopRequested() {
    return false;
  }
}
