package io.mcpgateway.gateway;

import io.mcpgateway.bootstrap.readiness.DbReadiness;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for a gateway verticle that shares the JVM with the agent: it opens its port only
 * once the database is ready, whether it was deployed before the agent finished or after, and its
 * deployment fails if the bootstrap fails. Config: {@code GATEWAY_PORT} (default 4444; 0 = any).
 */
public final class ExampleGatewayVerticle extends VerticleBase {

  private HttpServer server;

  @Override
  public Future<?> start() {
    return port().compose(port -> DbReadiness.await(vertx).compose(database -> vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("gateway", "serving").put("database", database.getString("kind"))
                .put("schemaVersion", database.getString("schemaVersion")).encode()))
        .listen(port)
        .onSuccess(listening -> server = listening)));
  }

  /** A bad setting fails the deployment with a message instead of throwing out of start(). */
  private Future<Integer> port() {
    String value = String.valueOf(config().getValue("GATEWAY_PORT", "4444")).strip();
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port < 65536) {
        return Future.succeededFuture(port);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    return Future.failedFuture(new IllegalArgumentException("GATEWAY_PORT must be a port number from 0 to 65535 (got '"
        + value + "')"));
  }

  /** The port it listens on, once deployed. */
  public int actualPort() {
    return server.actualPort();
  }
}
