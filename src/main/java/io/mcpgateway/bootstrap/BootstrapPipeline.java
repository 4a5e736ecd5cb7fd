package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.schema.SchemaMigrator;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.DefaultRoles;
import io.mcpgateway.bootstrap.steps.NormalizeTeamVisibility;
import io.mcpgateway.bootstrap.steps.OrphanAssignment;
import io.mcpgateway.bootstrap.steps.PlatformAdmin;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bootstrap run: take the migration lock, migrate the schema, then run the data steps on the
 * locked connection, each in its own transaction. Every step is timed; a failure names its step.
 */
public final class BootstrapPipeline {

  /** The name of the shared worker pool that runs all blocking work. */
  public static final String WORKER_POOL = "bootstrap-worker";

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapPipeline.class);
  private static final List<BootstrapStep> DATA_STEPS = List.of(
      new NormalizeTeamVisibility(), new PlatformAdmin(), new DefaultRoles(), new OrphanAssignment());

  private final Vertx vertx;
  private final BootstrapConfig config;
  private final List<StepResult> results = new ArrayList<>();
  private String currentStep = "lock";

  public BootstrapPipeline(Vertx vertx, BootstrapConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Runs once; the future fails with a {@link BootstrapException} that names the failed step. */
  public Future<BootstrapReport> run() {
    long started = System.nanoTime();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(WORKER_POOL);
    LOG.info("Bootstrapping {} (lock wait at most {} s)", config.databaseUrl().redacted(), config.lockTimeout().toSeconds());
    return config.databaseUrl().kind().migrationLock(vertx, config.databaseUrl(), worker)
        .withLock(config.lockTimeout(), connection -> {
          results.add(new StepResult("lock", 0, millisSince(started)));
          LOG.info("Acquired migration lock after {} ms", millisSince(started));
          return migrateThenRunSteps(connection, worker, started);
        })
        .recover(failure -> Future.failedFuture(BootstrapException.atStep(currentStep, failure)))
        .eventually(worker::close);
  }

  private Future<BootstrapReport> migrateThenRunSteps(SqlConnection connection, WorkerExecutor worker, long started) {
    currentStep = "schema";
    long schemaStarted = System.nanoTime();
    return new SchemaMigrator(config.databaseUrl(), worker).migrate().compose(schema -> {
      results.add(new StepResult("schema", schema.migrationsApplied(), millisSince(schemaStarted)));
      StepContext context = new StepContext(connection, config, worker);
      Future<Void> chain = Future.succeededFuture();
      for (BootstrapStep step : DATA_STEPS) {
        chain = chain.compose(done -> runStep(step, context));
      }
      return chain.map(done -> new BootstrapReport(config.databaseUrl().kind(), schema, List.copyOf(results),
          millisSince(started)));
    });
  }

  private Future<Void> runStep(BootstrapStep step, StepContext context) {
    currentStep = step.name();
    long stepStarted = System.nanoTime();
    return Transactions.inTransaction(context.connection(), () -> step.apply(context))
        .map(rows -> {
          results.add(new StepResult(step.name(), rows, millisSince(stepStarted)));
          return null;
        });
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }
}
