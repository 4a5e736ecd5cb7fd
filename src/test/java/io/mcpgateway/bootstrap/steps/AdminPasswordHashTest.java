package io.mcpgateway.bootstrap.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The hash a one-shot run starts before Vert.x: taken once, by a run with the same password and
 * cost, and answered on the run's own context (the pipeline goes on there, never on the hashing thread).
 */
@ExtendWith(VertxExtension.class)
class AdminPasswordHashTest {

  @Test
  void theHashStartedAheadIsTakenOnceOnTheCallersContext(Vertx vertx) throws Throwable {
    // Cost 10 (tens of milliseconds): still hashing when the run asks, so its answer comes from the hashing thread.
    CompletionStage<String> ahead = AdminPasswordHash.startAhead("s3cret-Passw0rd", 10);
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("hash-test");
    Context context = vertx.getOrCreateContext();

    String taken = Agents.await(onContext(context, () -> new AdminPasswordHash(worker, "s3cret-Passw0rd", 10).get()));
    String second = Agents.await(onContext(context, () -> new AdminPasswordHash(worker, "s3cret-Passw0rd", 4).get()));

    assertEquals(ahead.toCompletableFuture().join(), taken);
    assertNotEquals(ahead, second, "a second run hashes for itself (another salt)");
    assertTrue(BCrypt.checkpw("s3cret-Passw0rd", second));
    worker.close();
  }

  @Test
  void anotherPasswordOrCostDoesNotTakeIt(Vertx vertx) throws Throwable {
    // A password no other test uses: the hash stays behind, untaken, in this JVM.
    String ahead = AdminPasswordHash.startAhead("ahead-Passw0rd", 4).toCompletableFuture().join();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor("hash-test");
    Context context = vertx.getOrCreateContext();

    String other = Agents.await(onContext(context, () -> new AdminPasswordHash(worker, "other-Passw0rd", 4).get()));
    String cheaper = Agents.await(onContext(context, () -> new AdminPasswordHash(worker, "ahead-Passw0rd", 5).get()));

    assertTrue(BCrypt.checkpw("other-Passw0rd", other));
    assertTrue(cheaper.startsWith("$2a$05$"), cheaper);
    assertNotEquals(ahead, cheaper);
    worker.close();
  }

  /** Runs {@code call} on {@code context}; fails unless its result arrives there too. */
  private static Future<String> onContext(Context context, Supplier<Future<String>> call) {
    Promise<String> answered = Promise.promise();
    context.runOnContext(go -> call.get().onComplete(result -> answered.handle(Vertx.currentContext() == context ? result
        : Future.failedFuture(new AssertionError("answered on " + Thread.currentThread().getName())))));
    return answered.future();
  }
}
