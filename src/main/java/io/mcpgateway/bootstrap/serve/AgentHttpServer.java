package io.mcpgateway.bootstrap.serve;

import io.mcpgateway.bootstrap.readiness.ReadinessBoard;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * The serve-mode endpoints: {@code /metrics} (Prometheus text format), {@code /health/live}
 * (200 while the process runs) and {@code /health/ready} (200 with the ready body once ready,
 * 503 with the current state otherwise, and 503 with {@code "status":"stopping"} from the moment a
 * shutdown starts). Plain Vert.x core: three routes need no router.
 */
public final class AgentHttpServer {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final WorkerExecutor scrapes;
  private final BooleanSupplier stopping;

  private AgentHttpServer(Vertx vertx, PrometheusMeterRegistry registry, BooleanSupplier stopping) {
    this.vertx = vertx;
    this.registry = registry;
    this.scrapes = vertx.createSharedWorkerExecutor("metrics-scrape", 1);
    this.stopping = stopping;
  }

  /**
   * Listens on {@code port} (0 picks a free one: read it from the returned server); readiness
   * answers 503 once {@code stopping} says true.
   */
  public static Future<HttpServer> start(Vertx vertx, PrometheusMeterRegistry registry, String host, int port,
                                         BooleanSupplier stopping) {
    AgentHttpServer routes = new AgentHttpServer(vertx, registry, stopping);
    // HTTP/1.1 only, what probes and scrapers speak: no cleartext upgrade to HTTP/2 to get wrong.
    return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(routes::handle)
        .listen(port, host);
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/metrics" -> metrics(request);
      case "/health/live" -> json(request, 200, new JsonObject().put("status", "live"));
      case "/health/ready" -> {
        JsonObject state = ReadinessBoard.current(vertx);
        if (stopping.getAsBoolean()) {
          json(request, 503, state.copy().put("status", ReadinessEvents.STOPPING_STATUS));
        } else {
          json(request, ReadinessEvents.isReady(state) ? 200 : 503, state);
        }
      }
      default -> request.response().setStatusCode(404).end("not found: try /metrics, /health/live, /health/ready\n");
    }
  }

  /** A scrape walks every meter: off the event loop, one at a time. */
  private void metrics(HttpServerRequest request) {
    scrapes.executeBlocking(registry::scrape, false).onComplete(scrape -> {
      if (scrape.succeeded()) {
        request.response().putHeader("content-type", PROMETHEUS_TEXT).end(scrape.result());
      } else {
        request.response().setStatusCode(500).end("scrape failed: " + scrape.cause().getMessage() + "\n");
      }
    });
  }

  private static void json(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
