package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.RoleDefinition;
import io.mcpgateway.bootstrap.config.RolesFile;
import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.metrics.BootstrapMetrics;
import io.mcpgateway.bootstrap.pipeline.BootstrapFailure;
import io.mcpgateway.bootstrap.pipeline.BootstrapPipeline;
import io.mcpgateway.bootstrap.pipeline.BootstrapReport;
import io.mcpgateway.bootstrap.pipeline.PipelineListener;
import io.mcpgateway.bootstrap.pipeline.ReadOnlyCheck;
import io.mcpgateway.bootstrap.pipeline.StopSignal;
import io.mcpgateway.bootstrap.readiness.ReadinessBoard;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.mcpgateway.bootstrap.schema.AdoptionSignature;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.BuiltInSteps;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a verticle: its deployment completes once the database is ready (and fails when it
 * cannot be made ready). While deployed it answers {@code db.status}; it publishes {@code db.ready}
 * or {@code db.failed} once. The deployment config is the flat settings object of
 * {@link BootstrapConfig}. {@link #builder()} adds a gateway's migrations, adoption signature,
 * steps and metrics registry; {@code new BootstrapVerticle()} runs the bundled schema and steps.
 */
public final class BootstrapVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapVerticle.class);

  private final MeterRegistry registry;
  private final List<String> migrationLocations;
  private final AdoptionSignature adoption;
  private final List<BootstrapStep> gatewaySteps;
  private final StopSignal stop = new StopSignal();
  private BootstrapPipeline pipeline;

  /** The bundled migrations and steps, without metrics. */
  public BootstrapVerticle() {
    this(builder());
  }

  /** The bundled migrations and steps, with step timers, row counters and the readiness gauge in {@code registry}. */
  public BootstrapVerticle(MeterRegistry registry) {
    this(builder().meterRegistry(registry));
  }

  private BootstrapVerticle(Builder builder) {
    this.registry = builder.registry;
    this.migrationLocations = List.copyOf(builder.migrationLocations);
    this.adoption = builder.adoption;
    this.gatewaySteps = List.copyOf(builder.steps);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How a gateway shapes the agent; every part has the bundled default. */
  public static final class Builder {
    private MeterRegistry registry;
    private List<String> migrationLocations = List.of(MigrationSource.BUNDLED_LOCATION);
    private AdoptionSignature adoption = AdoptionSignature.BUNDLED;
    private final List<BootstrapStep> steps = new ArrayList<>();

    private Builder() {
    }

    /**
     * Flyway-style locations ({@code classpath:} or {@code filesystem:}, {@code {vendor}} for the
     * per-database folder), replacing the bundled one; list {@link MigrationSource#BUNDLED_LOCATION}
     * too to build on the bundled schema. A {@code MIGRATION_LOCATIONS} setting overrides these.
     */
    public Builder migrations(String... locations) {
      this.migrationLocations = List.of(locations);
      return this;
    }

    /** How to recognise an unversioned database to adopt; {@link AdoptionSignature#NONE} refuses every one. */
    public Builder adoption(AdoptionSignature signature) {
      this.adoption = Objects.requireNonNull(signature, "signature");
      return this;
    }

    /** A step to run after the built-in ones (and after steps added before it), on the same locked connection. */
    public Builder step(BootstrapStep step) {
      this.steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Where step timers, row counters and the readiness gauge go (none by default). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    public BootstrapVerticle build() {
      return new BootstrapVerticle(this);
    }
  }

  @Override
  public Future<?> start() {
    BootstrapConfig config;
    MigrationSource migrations;
    try {
      config = BootstrapConfig.from(config());
      migrations = migrationSource(config);
    } catch (BootstrapException e) {
      return failBeforeStart(e, null, registry == null ? PipelineListener.NONE : new BootstrapMetrics(registry, "unknown"));
    }
    String kind = config.databaseUrl().vendor().name();
    ReadinessBoard.post(vertx, ReadinessEvents.pending(kind));
    PipelineListener listener = registry == null ? PipelineListener.NONE : new BootstrapMetrics(registry, kind);
    // A file read: not on the event loop; without a file, no hop to a worker either.
    Future<List<RoleDefinition>> rolesRead = config.rolesFile() == null ? Future.succeededFuture(RolesFile.roles(config))
        : vertx.executeBlocking(() -> RolesFile.roles(config), false);
    return rolesRead
        .transform(roles -> roles.succeeded() ? Future.succeededFuture(roles.result())
            : failBeforeStart(BootstrapException.atStep("config", roles.cause()), kind, listener))
        .compose(roles -> vertx.eventBus().<Void>localConsumer(ReadinessEvents.STATUS,
                request -> request.reply(ReadinessBoard.current(vertx))).completion()
            .compose(answering -> {
              pipeline = new BootstrapPipeline(vertx, config, migrations, steps(roles), listener, stop);
              return pipeline.run();
            })
            .onSuccess(this::announceReady)
            .recover(failure -> announceFailure(config.databaseUrl().vendor(), failure)));
  }

  /**
   * Asks a run in progress to stop (a signal, a shutdown): before the lock it stops at once; under
   * the lock it finishes the step or migration in progress, releases the lock, and stops; the
   * deployment then fails with {@code STOPPED}. Safe from any thread.
   */
  public void requestStop() {
    stop.request();
  }

  /**
   * Without deploying: what a run on {@code settings} would do, with reads only, no lock and no
   * retry (the command line's {@code --check} and {@code --plan}); fails on a bad setting or an
   * unreachable database as a run would.
   */
  public Future<ReadOnlyCheck.Outcome> plan(Vertx vertx, JsonObject settings) {
    BootstrapConfig config;
    MigrationSource migrations;
    try {
      config = BootstrapConfig.from(settings);
      migrations = migrationSource(config);
    } catch (BootstrapException e) {
      return Future.failedFuture(e);
    }
    return vertx.executeBlocking(() -> RolesFile.roles(config), false)
        .compose(roles -> new BootstrapPipeline(vertx, config, migrations, steps(roles), PipelineListener.NONE, stop).plan());
  }

  /** Undeploying waits for the run's connection to close (a ready database did not wait for it). */
  @Override
  public Future<?> stop() {
    stop.request();
    return pipeline == null ? Future.succeededFuture() : pipeline.closed();
  }

  private MigrationSource migrationSource(BootstrapConfig config) {
    return new MigrationSource(config.migrationLocations().isEmpty() ? migrationLocations : config.migrationLocations(),
        adoption);
  }

  /** The built-in steps (creating {@code roles}), then the gateway's. */
  private List<BootstrapStep> steps(List<RoleDefinition> roles) {
    return Stream.concat(BuiltInSteps.all(roles).stream(), gatewaySteps.stream()).toList();
  }

  /** A bad setting, found before the pipeline starts; {@code kind} is null when the URL itself is the problem. */
  private <T> Future<T> failBeforeStart(BootstrapException error, String kind, PipelineListener listener) {
    LOG.error("Bootstrap failed [{}]: {}", error.reason(), error.getMessage());
    BootstrapException atConfig = BootstrapException.atStep("config", error);
    listener.runFinished(false, 0); // the gauge shows -1 here too
    post(ReadinessEvents.FAILED, ReadinessEvents.failedBeforeStart(kind, atConfig));
    return Future.failedFuture(atConfig);
  }

  private void announceReady(BootstrapReport report) {
    LOG.info("Database ready: {} schema version {}, {} row(s) changed, {} ms [{} ms]", report.vendor().displayName(),
        report.schema().version(), report.rowsChanged(), report.totalMillis(), stepTimes(report));
    post(ReadinessEvents.READY, ReadinessEvents.ready(report));
  }

  /** "connect 3, lock 1, schema 12, ...": the per-step figures an operator (and bench/run) reads from the log. */
  private static String stepTimes(BootstrapReport report) {
    return report.steps().stream().map(step -> step.step() + " " + step.millis()).collect(Collectors.joining(", "));
  }

  private <T> Future<T> announceFailure(Vendor vendor, Throwable failure) {
    BootstrapFailure run = failure instanceof BootstrapFailure known ? known : new BootstrapFailure(
        BootstrapException.atStep("start", failure), new BootstrapReport(vendor, null, List.of(), 0, false));
    BootstrapException error = run.error();
    if (error.reason() == Reason.STOPPED) {
      LOG.warn("Bootstrap stopped at step {}: {}", error.step(), error.getMessage());
    } else {
      LOG.error("Bootstrap failed [{}] at step {}: {}", error.reason(), error.step(), error.getMessage());
    }
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
