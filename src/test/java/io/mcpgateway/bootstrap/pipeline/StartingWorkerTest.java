package io.mcpgateway.bootstrap.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task given from the event loop before the pool's threads are up starts none of them there; a
 * worker given no task starts no thread at all.
 */
@ExtendWith(VertxExtension.class)
class StartingWorkerTest {

  private static final int THREADS = 4;

  @Test
  void aTaskGivenAtOnceRunsWhenEveryThreadHasStarted(Vertx vertx) throws Throwable {
    for (int round = 0; round < 5; round++) {
      String pool = "starting-test-" + round + "-";
      Promise<Long> running = Promise.promise();
      vertx.runOnContext(onTheEventLoop -> {
        StartingWorker worker = new StartingWorker(() -> vertx.createSharedWorkerExecutor(pool, THREADS), THREADS);
        worker.executeBlocking(() -> threadsNamed(pool), false).eventually(worker::close).onComplete(running);
      });

      assertEquals(THREADS, Agents.await(running.future()), "threads up when the task ran, round " + round);
    }
  }

  @Test
  void aWorkerGivenNoTaskStartsNoThread(Vertx vertx) throws Throwable {
    String pool = "idle-test-";
    Promise<Long> counted = Promise.promise();
    vertx.runOnContext(onTheEventLoop -> {
      StartingWorker worker = new StartingWorker(() -> vertx.createSharedWorkerExecutor(pool, THREADS), THREADS);
      vertx.setTimer(50, later -> {
        long running = threadsNamed(pool);
        worker.close().map(done -> running).onComplete(counted);
      });
    });

    assertEquals(0, Agents.await(counted.future()), "threads of a worker that was given no task");
  }

  @Test
  void aTaskGivenAfterTheCloseFailsAndStartsNoThread(Vertx vertx) throws Throwable {
    String pool = "closed-test-";
    StartingWorker worker = new StartingWorker(() -> vertx.createSharedWorkerExecutor(pool, THREADS), THREADS);
    Agents.await(worker.close());

    Throwable refused = assertThrows(Throwable.class, () -> Agents.await(worker.executeBlocking(() -> "ran", false)));
    assertEquals("the run's worker pool is closed", refused.getMessage());
    assertEquals(0, threadsNamed(pool), "threads after a task given to a closed worker");
  }

  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix)).count();
  }
}
