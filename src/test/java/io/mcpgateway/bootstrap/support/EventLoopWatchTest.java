package io.mcpgateway.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard itself: it must see a deliberate block, or the tests that use it prove nothing. */
class EventLoopWatchTest {

  @Test
  void aFiftyMillisecondBlockOnTheEventLoopIsReported() throws Throwable {
    try (EventLoopWatch watch = new EventLoopWatch()) {
      Promise<Void> blocked = Promise.promise();
      watch.vertx().runOnContext(nothing -> {
        sleep(50);
        blocked.complete();
      });
      Agents.await(blocked.future());

      List<String> blocks = watch.eventLoopBlocks();
      assertFalse(blocks.isEmpty(), "a 50 ms block went unseen");
    }
  }

  @Test
  void workOnAWorkerIsNotReported() throws Throwable {
    try (EventLoopWatch watch = new EventLoopWatch()) {
      Agents.await(watch.vertx().executeBlocking(() -> {
        sleep(50);
        return null;
      }));

      assertEquals(List.of(), watch.eventLoopBlocks());
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
