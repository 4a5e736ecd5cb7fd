package io.mcpgateway.bootstrap.pipeline;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The run's worker pool, made when first given a task: a run on a ready database that needs no
 * worker (its migrations already read in this JVM, no TLS files) starts no thread. The pool's
 * threads start from one of its own: a pool starts a thread for each task until it is full, and a
 * thread start waits for the new thread to be scheduled, which on a busy machine can hold an event
 * loop for tens of milliseconds. Tasks given before the threads are up wait for them; the run itself
 * does not (a connection that needs no worker opens meanwhile).
 */
final class StartingWorker implements WorkerExecutor {

  private final Supplier<WorkerExecutor> newPool;
  private final int threads;
  private WorkerExecutor pool;
  private Future<Void> started;
  private boolean closed;

  StartingWorker(Supplier<WorkerExecutor> newPool, int threads) {
    this.newPool = newPool;
    this.threads = threads;
  }

  @Override
  public <T> Future<T> executeBlocking(Callable<T> task, boolean ordered) {
    Future<Void> up = started();
    return up.succeeded() ? pool.executeBlocking(task, ordered) : up.compose(done -> pool.executeBlocking(task, ordered));
  }

  @Override
  public synchronized Future<Void> close() {
    closed = true;
    return started == null ? Future.succeededFuture() : started.transform(up -> pool.close());
  }

  /** A task given after the close fails, as a closed pool's would, instead of making a pool nobody closes. */
  private synchronized Future<Void> started() {
    if (started == null) {
      if (closed) {
        return Future.failedFuture(new IllegalStateException("the run's worker pool is closed"));
      }
      pool = newPool.get();
      started = pool.executeBlocking(() -> {
        for (int i = 1; i < threads; i++) {
          pool.executeBlocking(() -> null, false);
        }
        return null;
      }, false);
    }
    return started;
  }
}
