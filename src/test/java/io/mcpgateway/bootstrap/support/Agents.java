package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.BootstrapVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Deploys agents the way an embedding gateway does and waits for them from the test thread. */
public final class Agents {

  private Agents() {
  }

  public static JsonObject settings(TestDatabase database) {
    return new JsonObject()
        .put("DATABASE_URL", database.urlText())
        .put("PLATFORM_ADMIN_PASSWORD", "s3cret-Passw0rd")
        .put("BCRYPT_COST", "4")            // fast hashes in tests; the default stays 12
        .put("MIGRATION_LOCK_TIMEOUT", "60");
  }

  public static Future<String> deploy(Vertx vertx, JsonObject settings) {
    return deploy(vertx, new BootstrapVerticle(), settings);
  }

  public static Future<String> deploy(Vertx vertx, BootstrapVerticle agent, JsonObject settings) {
    return vertx.deployVerticle(agent, new DeploymentOptions().setConfig(settings));
  }

  /** Waits for a future; unwraps its failure. */
  public static <T> T await(Future<T> future) throws Throwable {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /** The failure of a future that must fail. */
  public static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail, but it succeeded");
  }

  /** Deploys one agent and completes with its {@code db.ready} body; fails as the deployment does. */
  public static Future<JsonObject> bootstrap(Vertx vertx, JsonObject settings) {
    return bootstrap(vertx, new BootstrapVerticle(), settings);
  }

  /** The same with an agent built by the test. */
  public static Future<JsonObject> bootstrap(Vertx vertx, BootstrapVerticle agent, JsonObject settings) {
    Promise<JsonObject> ready = Promise.promise();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ReadinessEvents.READY, message -> ready.tryComplete(message.body()));
    if (!Context.isOnVertxThread()) {
      // From the test thread, as an embedding gateway's main thread deploys; deploying from the
      // consumer's event loop would start the next event loop's thread there.
      try {
        consumer.completion().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
      return deploy(vertx, agent, settings).compose(id -> ready.future()).eventually(consumer::unregister);
    }
    return consumer.completion()
        .compose(registered -> deploy(vertx, agent, settings))
        .compose(id -> ready.future())
        .eventually(consumer::unregister);
  }

  /** Completes with the next {@code db.failed} body published on this Vert.x instance. */
  public static Future<JsonObject> failedEvent(Vertx vertx) {
    Promise<JsonObject> failed = Promise.promise();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ReadinessEvents.FAILED, message -> failed.tryComplete(message.body()));
    return consumer.completion().compose(registered -> failed.future()).eventually(consumer::unregister);
  }

  /** Completes with the next {@code db.ready} body published on this Vert.x instance. */
  public static Future<JsonObject> readyEvent(Vertx vertx) {
    Promise<JsonObject> ready = Promise.promise();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ReadinessEvents.READY, message -> ready.tryComplete(message.body()));
    return consumer.completion().compose(registered -> ready.future()).eventually(consumer::unregister);
  }
}
