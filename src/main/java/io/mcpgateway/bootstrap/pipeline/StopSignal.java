package io.mcpgateway.bootstrap.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A request to stop a run (SIGTERM in a rollout, SIGINT, an undeploy). Before the lock is taken
 * the run stops at once; once it holds the lock it finishes the step or migration in progress,
 * releases the lock and stops before the next step: nothing is left half-written.
 */
public final class StopSignal {

  private final Promise<Void> requested = Promise.promise();

  /** Asks the run to stop; safe from any thread, more than once. */
  public void request() {
    requested.tryComplete();
  }

  public boolean isRequested() {
    return requested.future().isComplete();
  }

  /** Completes when a stop is requested. */
  public Future<Void> whenRequested() {
    return requested.future();
  }
}
