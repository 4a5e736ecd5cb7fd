package io.mcpgateway.bootstrap.readiness;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;

/**
 * The current readiness of this Vert.x instance's database, kept in its local shared data. It
 * outlives the agent's deployment, which Vert.x undeploys when the bootstrap fails, so a gateway
 * that asks after a failure still learns of it.
 */
public final class ReadinessBoard {

  private static final String MAP = "db-bootstrap-agent.readiness";
  private static final String KEY = "state";

  private ReadinessBoard() {
  }

  /** The last state posted, or {@code pending} when no agent has started in this instance. */
  public static JsonObject current(Vertx vertx) {
    JsonObject state = map(vertx).get(KEY);
    return state != null ? state : ReadinessEvents.pending(null);
  }

  public static void post(Vertx vertx, JsonObject state) {
    map(vertx).put(KEY, state);
  }

  private static LocalMap<String, JsonObject> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
