package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a verticle: its deployment completes once the database is ready (and fails when
 * it cannot be made ready), and it publishes {@code db.ready} or {@code db.failed}. The
 * deployment config is the flat settings object of {@link BootstrapConfig}.
 */
public final class BootstrapVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapVerticle.class);

  @Override
  public Future<?> start() {
    long started = System.nanoTime();
    BootstrapConfig config;
    try {
      config = BootstrapConfig.from(config());
    } catch (BootstrapException e) {
      return failed("unknown", e, started);
    }
    return new BootstrapPipeline(vertx, config).run()
        .onSuccess(report -> {
          LOG.info("Database ready: {} schema version {}, {} row(s) changed, {} ms", report.kind().displayName(),
              report.schema().version(), report.rowsChanged(), report.totalMillis());
          vertx.eventBus().publish(ReadinessEvents.READY, ReadinessEvents.ready(report));
        })
        .recover(failure -> failed(config.databaseUrl().kind().scheme(), BootstrapException.atStep("pipeline", failure), started));
  }

  private <T> Future<T> failed(String kind, BootstrapException failure, long started) {
    String where = failure.step() == null ? "" : " at step " + failure.step();
    LOG.error("Bootstrap failed [{}]{}: {}", failure.reason(), where, failure.getMessage());
    LOG.debug("Bootstrap failure detail", failure);
    long millis = (System.nanoTime() - started) / 1_000_000;
    vertx.eventBus().publish(ReadinessEvents.FAILED, ReadinessEvents.failed(kind, failure, millis));
    return Future.failedFuture(failure);
  }
}
