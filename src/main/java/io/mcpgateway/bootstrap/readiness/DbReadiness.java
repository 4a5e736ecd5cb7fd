package io.mcpgateway.bootstrap.readiness;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * What a gateway verticle calls before it touches the database: completes at once when the
 * database is ready, else on the next {@code db.ready}; fails on {@code db.failed}. It listens
 * first and asks second, so an event that lands between the two is not missed, and it works
 * whether it runs before the agent is deployed, during the bootstrap, or after it.
 */
public final class DbReadiness {

  private DbReadiness() {
  }

  /** Waits as long as it takes; see {@link #await(Vertx, Duration)} for a bounded wait. */
  public static Future<JsonObject> await(Vertx vertx) {
    return await(vertx, null);
  }

  public static Future<JsonObject> await(Vertx vertx, Duration timeout) {
    Promise<JsonObject> outcome = Promise.promise();
    // Local only: on a clustered event bus another replica's database is not ours.
    MessageConsumer<JsonObject> ready = vertx.eventBus().localConsumer(ReadinessEvents.READY, m -> settle(outcome, m.body()));
    MessageConsumer<JsonObject> failed = vertx.eventBus().localConsumer(ReadinessEvents.FAILED, m -> settle(outcome, m.body()));
    long timer = timeout == null ? -1 : vertx.setTimer(Math.max(1, timeout.toMillis()), id -> outcome.tryFail(
        new DatabaseNotReadyException("database not ready after " + timeout.toSeconds() + " s", ReadinessBoard.current(vertx))));
    Future.all(ready.completion(), failed.completion())
        .compose(listening -> vertx.eventBus().<JsonObject>request(ReadinessEvents.STATUS, null, ReadinessEvents.LOCAL))
        // No agent answers (not deployed yet, or undeployed after a failure): the board knows.
        .transform(reply -> Future.succeededFuture(reply.succeeded() ? reply.result().body() : ReadinessBoard.current(vertx)))
        .onSuccess(state -> settle(outcome, state));
    return outcome.future().onComplete(done -> {
      vertx.cancelTimer(timer);
      ready.unregister();
      failed.unregister();
    });
  }

  private static void settle(Promise<JsonObject> outcome, JsonObject state) {
    if (ReadinessEvents.isReady(state)) {
      outcome.tryComplete(state);
    } else if (ReadinessEvents.isFailed(state)) {
      outcome.tryFail(new DatabaseNotReadyException("database bootstrap failed [" + state.getString("reason") + "] at step "
          + state.getString("step") + ": " + state.getString("message"), state));
    }
  }
}
