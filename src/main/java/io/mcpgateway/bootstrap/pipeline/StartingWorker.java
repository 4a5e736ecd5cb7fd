package io.mcpgateway.bootstrap.pipeline;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * The run's worker pool, whose threads start from one of its own: a pool starts a thread for each
 * task until it is full, and a thread start waits for the new thread to be scheduled, which on a
 * busy machine can hold an event loop for tens of milliseconds. Tasks given before the threads are
 * up wait for them; the run itself does not (a connection that needs no worker opens meanwhile).
 */
final class StartingWorker implements WorkerExecutor {

  private final WorkerExecutor pool;
  private final Future<Void> started;

  StartingWorker(WorkerExecutor pool, int threads) {
    this.pool = pool;
    this.started = pool.executeBlocking(() -> {
      for (int i = 1; i < threads; i++) {
        pool.executeBlocking(() -> null, false);
      }
      return null;
    }, false);
  }

  @Override
  public <T> Future<T> executeBlocking(Callable<T> task, boolean ordered) {
    return started.isComplete() ? pool.executeBlocking(task, ordered)
        : started.transform(up -> pool.executeBlocking(task, ordered));
  }

  @Override
  public Future<Void> close() {
    return started.transform(up -> pool.close());
  }
}
