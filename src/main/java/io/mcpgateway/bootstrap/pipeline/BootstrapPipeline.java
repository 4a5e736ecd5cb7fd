package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.schema.SchemaMigrator;
import io.mcpgateway.bootstrap.steps.AdminPasswordHash;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bootstrap run: connect, take the migration lock on that connection, bring the schema up to
 * date, then run the data steps on the locked connection, each in its own transaction. Every step
 * is timed as it happens; a failure fails the run with a {@link BootstrapFailure} that names the
 * step and keeps what was done until then.
 */
public final class BootstrapPipeline {

  /** The name of the shared worker pool that runs all blocking work. */
  public static final String WORKER_POOL = "bootstrap-worker";
  private static final int WORKER_THREADS = 4;
  /** A step that fails after the work ran: only the lock's release is left then. */
  private static final String RELEASE = "release";

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapPipeline.class);

  private final Vertx vertx;
  private final BootstrapConfig config;
  private final MigrationSource migrations;
  private final List<BootstrapStep> steps;
  private final PipelineListener listener;

  public BootstrapPipeline(Vertx vertx, BootstrapConfig config, MigrationSource migrations, List<BootstrapStep> steps,
                           PipelineListener listener) {
    this.vertx = vertx;
    this.config = config;
    this.migrations = migrations;
    this.steps = List.copyOf(steps);
    this.listener = listener;
  }

  /** Runs once; fails with a {@link BootstrapFailure}. */
  public Future<BootstrapReport> run() {
    long started = System.nanoTime();
    DatabaseUrl url = config.databaseUrl();
    // Lock waits and migrations may run long on a worker; only warn past what they are allowed.
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(WORKER_POOL, WORKER_THREADS,
        config.lockTimeout().plusMinutes(30).toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Bootstrapping {} (lock wait at most {} s)", url.redacted(), config.lockTimeout().toSeconds());
    return startWorkerThreads(worker).compose(threads -> {
      Run run = new Run(url.vendor(), worker, new RunRecorder(listener),
          new SchemaMigrator(url, migrations, worker).readMigrations());
      return run.record.time("connect", () -> url.vendor().connect(vertx, url, worker))
          .compose(connection -> run.underLock(connection.connection()).transform(outcome -> closeThen(connection, outcome)))
          .transform(outcome -> report(run.record, outcome, RunRecorder.millisSince(started)));
    }).eventually(worker::close);
  }

  /**
   * Starts the pool's threads from one of its own: a pool starts a thread for each task until it
   * is full, and a thread start waits for the new thread to be scheduled, which on a busy machine
   * can hold an event loop for tens of milliseconds. Only the first start happens here.
   */
  private static Future<Void> startWorkerThreads(WorkerExecutor worker) {
    return worker.executeBlocking(() -> {
      for (int i = 1; i < WORKER_THREADS; i++) {
        worker.executeBlocking(() -> null, false);
      }
      return null;
    }, false);
  }

  /** The parts of one run that its steps share. */
  private final class Run {
    private final Vendor vendor;
    private final WorkerExecutor worker;
    private final RunRecorder record;
    private final SchemaMigrator schema;

    private Run(Vendor vendor, WorkerExecutor worker, RunRecorder record, SchemaMigrator schema) {
      this.vendor = vendor;
      this.worker = worker;
      this.record = record;
      this.schema = schema;
    }

    private Future<Void> underLock(SqlConnection connection) {
      RunRecorder.Running lock = record.start("lock");
      return vendor.migrationLock(vertx, config.databaseUrl(), worker)
          .withLock(connection, config.lockTimeout(), locked -> {
            LOG.info("Acquired migration lock after {} ms", lock.succeeded(StepOutcome.changed(0)));
            return migrateThenRunSteps(locked);
          })
          .recover(lock::failed);
    }

    private Future<Void> migrateThenRunSteps(SqlConnection connection) {
      AdminPasswordHash adminHash = new AdminPasswordHash(worker, config.adminPassword(), config.bcryptCost());
      Runnable hashWhileFlywayRuns = () -> {
        if (config.emailAuthEnabled()) {
          adminHash.get();
        }
      };
      return record.time("schema", () -> schema.migrate(connection, hashWhileFlywayRuns))
          .compose(outcome -> {
            record.schema(outcome);
            StepContext context = new StepContext(connection, config, vendor, worker, adminHash);
            return new DataSteps(steps, record).run(context);
          });
    }
  }

  private static Future<Void> closeThen(DedicatedConnection connection, AsyncResult<Void> outcome) {
    return connection.close().transform(closed -> {
      if (closed.failed()) {
        LOG.warn("Closing the bootstrap connection failed: {}", closed.cause().getMessage());
      }
      return outcome.succeeded() ? Future.succeededFuture() : Future.failedFuture(outcome.cause());
    });
  }

  private Future<BootstrapReport> report(RunRecorder record, AsyncResult<Void> outcome, long totalMillis) {
    if (outcome.succeeded()) {
      listener.runFinished(true, totalMillis);
      return Future.succeededFuture(new BootstrapReport(config.databaseUrl().vendor(), record.schema(), record.results(),
          totalMillis));
    }
    // A failure no step claimed came after the work: the lock's release.
    BootstrapException error = record.tag(RELEASE, 0, outcome.cause());
    listener.runFinished(false, totalMillis);
    return Future.failedFuture(new BootstrapFailure(error, new BootstrapReport(config.databaseUrl().vendor(), record.schema(),
        record.results(), totalMillis)));
  }
}
