package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.lock.MigrationLock;
import io.mcpgateway.bootstrap.schema.SchemaMigrator;
import io.mcpgateway.bootstrap.schema.SchemaOutcome;
import io.mcpgateway.bootstrap.steps.AdminPasswordHash;
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
 * One bootstrap run: connect, take the migration lock, migrate the schema, then run the data steps on the
 * locked connection, each in its own transaction. Every step is timed as it happens; a failure
 * fails the run with a {@link BootstrapFailure} that names the step and keeps what was done.
 */
public final class BootstrapPipeline {

  /** The name of the shared worker pool that runs all blocking work. */
  public static final String WORKER_POOL = "bootstrap-worker";
  private static final int WORKER_THREADS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapPipeline.class);
  private static final List<BootstrapStep> DATA_STEPS = List.of(
      new NormalizeTeamVisibility(), new PlatformAdmin(), new DefaultRoles(), new OrphanAssignment());

  private final Vertx vertx;
  private final BootstrapConfig config;
  private final PipelineListener listener;
  private final List<StepResult> results = new ArrayList<>();
  private SchemaOutcome schema;
  private String currentStep;
  private long currentStarted;

  public BootstrapPipeline(Vertx vertx, BootstrapConfig config, PipelineListener listener) {
    this.vertx = vertx;
    this.config = config;
    this.listener = listener;
  }

  /** Runs once; fails with a {@link BootstrapFailure}. */
  public Future<BootstrapReport> run() {
    long started = System.nanoTime();
    // Lock waits and migrations may run long on a worker; only warn past what they are allowed.
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(WORKER_POOL, WORKER_THREADS,
        config.lockTimeout().plusMinutes(30).toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Bootstrapping {} (lock wait at most {} s)", config.databaseUrl().redacted(), config.lockTimeout().toSeconds());
    SchemaMigrator schemaMigrator = new SchemaMigrator(config.databaseUrl(), worker).readBundledMigrations();
    begin("connect");
    MigrationLock.Progress connected = () -> {
      finish(0);
      begin("lock");
    };
    return config.databaseUrl().kind().migrationLock(vertx, config.databaseUrl(), worker)
        .withLock(config.lockTimeout(), connected, connection -> {
          LOG.info("Acquired migration lock after {} ms", finish(0));
          return migrateThenRunSteps(connection, worker, schemaMigrator);
        })
        .transform(outcome -> {
          long total = millisSince(started);
          if (outcome.succeeded()) {
            listener.runFinished(true, total);
            return Future.succeededFuture(report(total));
          }
          // Between steps only the lock's release can fail.
          String failedStep = currentStep != null ? currentStep : "release";
          record(StepResult.failed(failedStep, currentStep != null ? millisSince(currentStarted) : 0));
          listener.runFinished(false, total);
          BootstrapException error = BootstrapException.atStep(failedStep, outcome.cause());
          return Future.<BootstrapReport>failedFuture(new BootstrapFailure(error, report(total)));
        })
        .eventually(worker::close);
  }

  private Future<Void> migrateThenRunSteps(SqlConnection connection, WorkerExecutor worker, SchemaMigrator schemaMigrator) {
    begin("schema");
    AdminPasswordHash adminHash = new AdminPasswordHash(worker, config.adminPassword(), config.bcryptCost());
    Runnable hashWhileFlywayRuns = () -> {
      if (config.emailAuthEnabled()) {
        adminHash.get();
      }
    };
    return schemaMigrator.migrate(connection, hashWhileFlywayRuns).compose(outcome -> {
      schema = outcome;
      finish(0);
      return runDataSteps(new StepContext(connection, config, worker, adminHash));
    });
  }

  /**
   * Asks every step at once whether it has work (the clients pipeline the four reads), then runs
   * only those that do, each in its own transaction. A step with nothing to do is recorded with the
   * time of that shared check and zero rows; on a ready database that is the whole warm path.
   */
  private Future<Void> runDataSteps(StepContext context) {
    begin("check");
    long checkStarted = currentStarted;
    List<Future<Boolean>> checks = DATA_STEPS.stream().map(step -> step.hasWork(context)).toList();
    return Future.all(checks).compose(checked -> {
      currentStep = null;
      long checkMillis = millisSince(checkStarted);
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < DATA_STEPS.size(); i++) {
        BootstrapStep step = DATA_STEPS.get(i);
        chain = checks.get(i).result()
            ? chain.compose(done -> runStep(step, context))
            : chain.andThen(done -> record(StepResult.succeeded(step.name(), 0, checkMillis)));
      }
      return chain;
    });
  }

  private Future<Void> runStep(BootstrapStep step, StepContext context) {
    begin(step.name());
    return Transactions.inTransaction(context.connection(), () -> step.apply(context))
        .map(rows -> {
          finish(rows);
          return null;
        });
  }

  private void begin(String step) {
    currentStep = step;
    currentStarted = System.nanoTime();
    listener.stepStarted(step);
  }

  /** Records the current step as done and returns its milliseconds. */
  private long finish(long rowsChanged) {
    long millis = millisSince(currentStarted);
    record(StepResult.succeeded(currentStep, rowsChanged, millis));
    currentStep = null;
    return millis;
  }

  private void record(StepResult result) {
    results.add(result);
    listener.stepFinished(result);
  }

  private BootstrapReport report(long totalMillis) {
    return new BootstrapReport(config.databaseUrl().kind(), schema, List.copyOf(results), totalMillis);
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }
}
