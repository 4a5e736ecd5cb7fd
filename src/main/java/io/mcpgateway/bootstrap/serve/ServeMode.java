package io.mcpgateway.bootstrap.serve;

import io.mcpgateway.bootstrap.BootstrapVerticle;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running mode: Vert.x with Micrometer metrics in a Prometheus registry, the HTTP
 * endpoints up first (so health and metrics answer during a long migration), then the agent.
 * The process stays up after a failed bootstrap so the failure can be seen and scraped.
 */
public final class ServeMode {

  private static final Logger LOG = LoggerFactory.getLogger(ServeMode.class);

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile BootstrapVerticle agent;
  private volatile Future<String> deployment = Future.succeededFuture();
  private Future<Void> shutdown;

  private ServeMode(Vertx vertx, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  /** A Vert.x instance whose own metrics (event bus, HTTP, pools) land in the same registry. */
  public static ServeMode create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    return new ServeMode(vertx, registry);
  }

  public Vertx vertx() {
    return vertx;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Starts the endpoints on every interface; completes with the listening server (the agent keeps running after). */
  public Future<HttpServer> startEndpoints(int port) {
    return startEndpoints(ServeConfig.ALL_INTERFACES, port);
  }

  /** Starts the endpoints on {@code host} ({@code HTTP_HOST}): 127.0.0.1 keeps them to this machine. */
  public Future<HttpServer> startEndpoints(String host, int port) {
    return AgentHttpServer.start(vertx, registry, host, port, stopping::get)
        .onSuccess(server -> LOG.info("Serving /metrics, /health/live and /health/ready on {}:{}", host, server.actualPort()));
  }

  /**
   * The command line's serve mode: endpoints first, then the agent; returns once the endpoints are
   * up and leaves the process running. Fails with {@code BAD_CONFIG} when the port cannot be bound.
   */
  public static ServeMode launch(JsonObject settings, ServeConfig where) {
    ServeMode mode = create();
    try {
      mode.startEndpoints(where.httpHost(), where.httpPort()).toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      mode.close();
      throw new BootstrapException(Reason.BAD_CONFIG, "cannot serve on HTTP_HOST " + where.httpHost() + ", HTTP_PORT "
          + where.httpPort() + ": " + e.getCause().getMessage());
    }
    mode.deployAgent(settings); // its outcome shows on /health/ready and in the metrics
    return mode;
  }

  /** Deploys the bundled agent; the future reports its outcome, which changes nothing about serving. */
  public Future<String> deployAgent(JsonObject settings) {
    return deployAgent(BootstrapVerticle.builder(), settings);
  }

  /** Deploys an agent a gateway has shaped (its migrations, steps), timed in this mode's registry. */
  public Future<String> deployAgent(BootstrapVerticle.Builder agent, JsonObject settings) {
    BootstrapVerticle built = agent.meterRegistry(registry).build();
    this.agent = built;
    this.deployment = vertx.deployVerticle(built, new DeploymentOptions().setConfig(settings));
    return deployment;
  }

  /**
   * A shutdown (SIGTERM): readiness answers 503 from now on; a run in progress stops the way
   * {@link BootstrapVerticle#requestStop()} says (a step or migration under way finishes and the
   * lock is released); then Vert.x closes. Safe from any thread.
   */
  public synchronized Future<Void> shutdown() {
    if (!stopping.getAndSet(true)) {
      BootstrapVerticle running = agent;
      if (running != null) {
        running.requestStop();
      }
      // Closed from a thread of its own: a close begun on an event loop would complete its future on
      // that event loop, which the close has stopped.
      Promise<Void> closed = Promise.promise();
      deployment.onComplete(outcome -> {
        Thread closer = new Thread(() -> close().onComplete(closed), "agent-shutdown");
        closer.setDaemon(true);
        closer.start();
      });
      shutdown = closed.future();
    }
    return shutdown;
  }

  /** Stops serving and closes Vert.x (tests and embedders; the command line just exits). */
  public Future<Void> close() {
    return vertx.close();
  }
}
