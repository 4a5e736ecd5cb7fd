package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.db.DatabaseKind;
import io.mcpgateway.bootstrap.metrics.BootstrapMetrics;
import io.mcpgateway.bootstrap.readiness.ReadinessBoard;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a verticle: its deployment completes once the database is ready (and fails when it
 * cannot be made ready). While deployed it answers {@code db.status}; it publishes {@code db.ready}
 * or {@code db.failed} once. The deployment config is the flat settings object of
 * {@link BootstrapConfig}. Given a {@link MeterRegistry}, it times every step there.
 */
public final class BootstrapVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapVerticle.class);

  private final MeterRegistry registry;

  /** Without metrics (the one-shot command line). */
  public BootstrapVerticle() {
    this(null);
  }

  /** With step timers, row counters and the readiness gauge in {@code registry} (may be null). */
  public BootstrapVerticle(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    BootstrapConfig config;
    try {
      config = BootstrapConfig.from(config());
    } catch (BootstrapException e) {
      LOG.error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      BootstrapException atConfig = BootstrapException.atStep("config", e);
      if (registry != null) {
        new BootstrapMetrics(registry, "unknown").runFinished(false, 0); // the gauge shows -1 here too
      }
      post(ReadinessEvents.FAILED, ReadinessEvents.failedBeforeStart(null, atConfig));
      return Future.failedFuture(atConfig);
    }
    String kind = config.databaseUrl().kind().scheme();
    ReadinessBoard.post(vertx, ReadinessEvents.pending(kind));
    PipelineListener listener = registry == null ? PipelineListener.NONE : new BootstrapMetrics(registry, kind);
    return vertx.eventBus().<Void>localConsumer(ReadinessEvents.STATUS, request -> request.reply(ReadinessBoard.current(vertx)))
        .completion()
        .compose(answering -> new BootstrapPipeline(vertx, config, listener).run())
        .onSuccess(this::announceReady)
        .recover(failure -> announceFailure(config.databaseUrl().kind(), failure));
  }

  private void announceReady(BootstrapReport report) {
    LOG.info("Database ready: {} schema version {}, {} row(s) changed, {} ms [{} ms]", report.kind().displayName(),
        report.schema().version(), report.rowsChanged(), report.totalMillis(), stepTimes(report));
    post(ReadinessEvents.READY, ReadinessEvents.ready(report));
  }

  /** "lock 3, schema 12, ...": the per-step figures an operator (and bench/run) reads from the log. */
  private static String stepTimes(BootstrapReport report) {
    return report.steps().stream().map(step -> step.step() + " " + step.millis())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private <T> Future<T> announceFailure(DatabaseKind kind, Throwable failure) {
    BootstrapFailure run = failure instanceof BootstrapFailure known ? known : new BootstrapFailure(
        BootstrapException.atStep("start", failure), new BootstrapReport(kind, null, java.util.List.of(), 0));
    BootstrapException error = run.error();
    LOG.error("Bootstrap failed [{}] at step {}: {}", error.reason(), error.step(), error.getMessage());
    LOG.debug("Bootstrap failure detail", error);
    post(ReadinessEvents.FAILED, ReadinessEvents.failed(run.partial(), error));
    return Future.failedFuture(error);
  }

  /** The board first, so whoever hears the event and then asks gets the same answer. */
  private void post(String address, JsonObject body) {
    ReadinessBoard.post(vertx, body);
    vertx.eventBus().publish(address, body, ReadinessEvents.LOCAL);
  }
}
