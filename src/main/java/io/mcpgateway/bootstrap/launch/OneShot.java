package io.mcpgateway.bootstrap.launch;

import io.mcpgateway.bootstrap.BootstrapVerticle;
import io.mcpgateway.bootstrap.config.PushgatewayConfig;
import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.metrics.PushgatewayPush;
import io.mcpgateway.bootstrap.pipeline.ReadOnlyCheck;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * The one-shot run (a Kubernetes Job, an init container): a Vert.x sized for one verticle, the
 * agent deployed once, Vert.x closed, the outcome as an exit code. Closing takes about 15 ms and is
 * worth it: a process whose event-loop threads are still parked in epoll takes far longer to die.
 * A SIGTERM or SIGINT stops the run (see {@link BootstrapVerticle#requestStop()}) and the process
 * exits with 143 or 130.
 */
public final class OneShot {

  static final String LEAN_SWITCH = "db.bootstrap.leanVertx";

  private OneShot() {
  }

  /**
   * Runs the agent on {@code settings} (already validated) and returns the exit code. With a
   * Pushgateway, the run's meters are pushed at the end, after a success and after a failure alike;
   * the push never changes the exit code.
   */
  public static int run(JsonObject settings, Vendor vendor, Optional<PushgatewayConfig> pushgateway) {
    StartupPrewarm.start(vendor);
    Vertx vertx = Vertx.vertx(options());
    // Meters only when they go somewhere: a run without a Pushgateway skips the registry's start-up cost.
    PrometheusMeterRegistry registry = pushgateway.isPresent() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
    BootstrapVerticle agent = BootstrapVerticle.builder().meterRegistry(registry).build();
    AtomicReference<String> signal = new AtomicReference<>();
    Signals.onStop(name -> {
      if (signal.compareAndSet(null, name)) {
        agent.requestStop();
      }
    });
    int code;
    try {
      vertx.deployVerticle(agent, new DeploymentOptions().setConfig(settings)).toCompletionStage().toCompletableFuture().join();
      code = 0;
    } catch (CompletionException e) {
      // The verticle has logged the one-line cause already.
      code = e.getCause() instanceof BootstrapException failure ? failure.reason().exitCode() : Reason.INTERNAL.exitCode();
      if (e.getCause() instanceof BootstrapException failure && failure.reason() == Reason.STOPPED && signal.get() != null) {
        code = Signals.exitCode(signal.get());
      }
    }
    pushgateway.ifPresent(target -> push(vertx, registry, target));
    close(vertx);
    return code;
  }

  /** Waits for the push, which bounds itself by its timeout; the extra second only guards against a stuck Vert.x. */
  private static void push(Vertx vertx, PrometheusMeterRegistry registry, PushgatewayConfig target) {
    try {
      PushgatewayPush.push(vertx, registry, target).toCompletionStage().toCompletableFuture()
          .get(target.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (Exception stuck) {
      LoggerFactory.getLogger(OneShot.class).warn("Metrics not pushed to the Pushgateway at {}: the push did not end in time",
          target.redactedUrl());
    }
  }

  /**
   * {@code --check} and {@code --plan}: what a run would do, read without a lock, on the same lean
   * Vert.x; fails with the {@link BootstrapException} a run would fail with.
   */
  public static ReadOnlyCheck.Outcome plan(JsonObject settings, Vendor vendor) {
    StartupPrewarm.start(vendor);
    Vertx vertx = Vertx.vertx(options());
    try {
      return new BootstrapVerticle().plan(vertx, settings).toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof BootstrapException failure ? failure
          : new BootstrapException(Reason.INTERNAL, "the plan failed: " + e.getCause(), e.getCause());
    } finally {
      close(vertx);
    }
  }

  private static void close(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
    } catch (Exception slowClose) {
      LoggerFactory.getLogger(OneShot.class).debug("Vert.x did not close within 2 s; exiting anyway", slowClose);
    }
  }

  /**
   * One event loop (one verticle runs), small pools, no file cache (a one-shot run serves no files):
   * each saved thread is CPU that sixteen replicas starting together on two cores share.
   * {@code -Ddb.bootstrap.leanVertx=false} gives Vert.x's defaults (bench/run measures both).
   */
  private static VertxOptions options() {
    if ("false".equals(System.getProperty(LEAN_SWITCH))) {
      return new VertxOptions();
    }
    return new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2).setInternalBlockingPoolSize(2)
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false));
  }
}
