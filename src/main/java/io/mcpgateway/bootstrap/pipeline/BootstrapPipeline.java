package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.db.LockWait;
import io.mcpgateway.bootstrap.db.MigrationLock;
import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.schema.SchemaMigrator;
import io.mcpgateway.bootstrap.schema.SchemaOutcome;
import io.mcpgateway.bootstrap.schema.SchemaState;
import io.mcpgateway.bootstrap.steps.AdminPasswordHash;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bootstrap run: connect, and ask with reads only whether anything is to be done; a ready
 * database is done there, without the lock. Otherwise take the migration lock, bring the schema up
 * to date, and run the data steps, each in its own transaction, each deciding again under the lock.
 * Every step is timed as it happens; a failure fails the run with a {@link BootstrapFailure} that
 * names the step and keeps what was done until then.
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
  private final StopSignal stop;
  private Future<Void> closed = Future.succeededFuture();

  public BootstrapPipeline(Vertx vertx, BootstrapConfig config, MigrationSource migrations, List<BootstrapStep> steps,
                           PipelineListener listener, StopSignal stop) {
    this.vertx = vertx;
    this.config = config;
    this.migrations = migrations;
    this.steps = List.copyOf(steps);
    this.listener = listener;
    this.stop = stop;
  }

  /**
   * Runs once; fails with a {@link BootstrapFailure}. A ready database is reported without waiting
   * for the run's connection and worker pool to close; {@link #closed()} tells when they have.
   */
  public Future<BootstrapReport> run() {
    long started = System.nanoTime();
    DatabaseUrl url = config.databaseUrl();
    LOG.info("Bootstrapping {} (lock wait at most {} s)", url.redacted(), config.lockTimeout().toSeconds());
    url.vendor().replicaWarning(config.gatewayReplicas()).ifPresent(LOG::warn);
    WorkerExecutor worker = newWorker();
    Run run;
    try {
      run = new Run(worker);
    } catch (RuntimeException e) {
      return worker.close().transform(closedPool -> Future.failedFuture(e));
    }
    Future<DedicatedConnection> connected = run.record.time("connect", run.connector::connect);
    return connected.compose(connection -> run.all(connection.connection())).transform(outcome -> {
      closed = (connected.succeeded() ? closeQuietly(connected.result()) : Future.<Void>succeededFuture())
          .eventually(worker::close);
      // A failure waits for the close: its report is the run's last word, and nothing keeps running after it.
      return outcome.succeeded() ? report(run, outcome, RunRecorder.millisSince(started))
          : closed.transform(done -> report(run, outcome, RunRecorder.millisSince(started)));
    });
  }

  /** Completes once the run's connection and worker pool are closed (at once before a run). */
  public Future<Void> closed() {
    return closed;
  }

  /**
   * What a run would do, with reads only, no lock and no retry ({@code --check}, {@code --plan}). A
   * database file that does not exist yet is not created: its plan is to create the schema.
   */
  public Future<ReadOnlyCheck.Outcome> plan() {
    return withWorker(worker -> {
      Run run = new Run(worker);
      if (url().file() != null && Files.notExists(url().file())) {
        return run.schema.planWithoutDatabase().map(plan -> new ReadOnlyCheck.Outcome(plan, 0, List.of(), 0));
      }
      return url().vendor().connect(vertx, url(), worker).compose(connection -> run.plan(connection.connection())
          .transform(outcome -> connection.close().transform(closed -> outcome.succeeded()
              ? Future.succeededFuture(outcome.result()) : Future.failedFuture(outcome.cause()))));
    });
  }

  private DatabaseUrl url() {
    return config.databaseUrl();
  }

  /** A worker pool for the work, closed after it. */
  private <T> Future<T> withWorker(Function<WorkerExecutor, Future<T>> work) {
    WorkerExecutor worker = newWorker();
    return Futures.started(() -> work.apply(worker)).eventually(worker::close);
  }

  private WorkerExecutor newWorker() {
    // Lock waits and migrations may run long on a worker; only warn past what they are allowed.
    return new StartingWorker(() -> vertx.createSharedWorkerExecutor(WORKER_POOL, WORKER_THREADS,
        config.lockTimeout().plusMinutes(30).toMillis(), TimeUnit.MILLISECONDS), WORKER_THREADS);
  }

  /** How a wait for the lock ended: by taking it, or by finding the work done by another. */
  private record Ending(ReadOnlyCheck.Outcome foundDone) {
    static final Ending TOOK_THE_LOCK = new Ending(null);
  }

  /** The parts of one run that its steps share. */
  private final class Run {
    private final WorkerExecutor worker;
    private final Vendor vendor = config.databaseUrl().vendor();
    private final RunRecorder record = new RunRecorder(listener);
    private final SchemaMigrator schema;
    private final Connector connector;
    private final AdminPasswordHash adminHash;

    private Run(WorkerExecutor worker) {
      this.worker = worker;
      this.schema = new SchemaMigrator(url(), migrations, worker).readMigrations();
      this.connector = new Connector(vertx, url(), worker, config.connectRetry(), stop);
      this.adminHash = new AdminPasswordHash(worker, config.adminPassword(), config.bcryptCost());
    }

    private StepContext context(SqlConnection connection) {
      return new StepContext(connection, config, vendor, worker, adminHash);
    }

    private Future<ReadOnlyCheck.Outcome> check(SqlConnection connection) {
      return ReadOnlyCheck.decide(() -> schema.status(connection), steps, context(connection));
    }

    private Future<ReadOnlyCheck.Outcome> plan(SqlConnection connection) {
      return ReadOnlyCheck.count(() -> schema.plan(connection), steps, context(connection));
    }

    /** A ready database is done with reads only; otherwise the lock, and the work under it. */
    private Future<Void> all(SqlConnection connection) {
      return check(connection).transform(checked -> {
        if (checked.succeeded() && checked.result().nothingToDo()) {
          LOG.info("Nothing to do: the schema is {} and no step has work; the migration lock was not needed",
              checked.result().schema().describe());
          recordDone(checked.result());
          return Future.succeededFuture();
        }
        if (checked.succeeded() && config.skipMigrations() && !checked.result().schema().upToDate()) {
          return record.time("schema", () -> schema.requireCurrent(connection)).mapEmpty();
        }
        // A failed check is no verdict: the run under the lock decides again, and reports.
        return underLock(connection);
      });
    }

    private Future<Void> underLock(SqlConnection connection) {
      RunRecorder.Running lock = record.start("lock");
      MigrationLock migrationLock = vendor.migrationLock(vertx, url(), worker);
      LockWait<Ending> waiting = new LockWait<>() {
        @Override
        public Future<Optional<Ending>> doneWithoutTheLock() {
          return check(connection).map(outcome -> outcome.nothingToDo() ? Optional.of(new Ending(outcome)) : Optional.<Ending>empty())
              .otherwise(Optional.empty());
        }

        @Override
        public boolean stopRequested() {
          return stop.isRequested();
        }
      };
      return migrationLock.withLock(connection, config.lockTimeout(), waiting, locked -> {
            LOG.info("Acquired migration lock after {} ms", lock.succeeded(StepOutcome.changed(0)));
            record.lockTaken();
            Future<Void> work = migrationLock.occupiesItsConnection() ? onWorkConnection() : migrateThenRunSteps(locked);
            return work.map(done -> Ending.TOOK_THE_LOCK);
          })
          .compose(ending -> {
            if (ending.foundDone() != null) {
              lock.succeeded(StepOutcome.changed(0));
              recordDone(ending.foundDone());
            }
            return Future.<Void>succeededFuture();
          })
          .recover(lock::failed);
    }

    /** The lock keeps its own connection in a transaction: the work gets a second one. */
    private Future<Void> onWorkConnection() {
      return connector.connect().compose(work -> migrateThenRunSteps(work.connection()).transform(outcome -> closeThen(work, outcome)));
    }

    private Future<Void> migrateThenRunSteps(SqlConnection connection) {
      if (stop.isRequested()) {
        return record.failed("schema", 0, new BootstrapException(Reason.STOPPED, "stopped before migrating, as asked"));
      }
      Runnable hashWhileFlywayRuns = () -> {
        if (config.emailAuthEnabled()) {
          adminHash.get();
        }
      };
      return record.time("schema", () -> config.skipMigrations() ? schema.requireCurrent(connection)
              : schema.migrate(connection, hashWhileFlywayRuns))
          .compose(outcome -> {
            record.schema(outcome);
            return new DataSteps(steps, record, stop).run(context(connection));
          });
    }

    /** What the read-only check found, recorded as the run's steps: nothing had to be done. */
    private void recordDone(ReadOnlyCheck.Outcome outcome) {
      record.schema(new SchemaOutcome(SchemaState.VERSIONED, outcome.schema().version(), 0));
      record.nothingToDo("schema", outcome.schemaMillis());
      outcome.steps().forEach(decision -> record.nothingToDo(decision.step(), outcome.stepsMillis()));
    }
  }

  private static Future<Void> closeThen(DedicatedConnection connection, AsyncResult<Void> outcome) {
    return closeQuietly(connection).transform(closed -> outcome.succeeded() ? Future.succeededFuture()
        : Future.failedFuture(outcome.cause()));
  }

  /** Closes; a failure to close is logged, not passed on (the work is done by then). */
  private static Future<Void> closeQuietly(DedicatedConnection connection) {
    return Futures.started(connection::close).otherwise(failure -> {
      LOG.warn("Closing a bootstrap connection failed: {}", failure.getMessage());
      return null;
    });
  }

  private Future<BootstrapReport> report(Run run, AsyncResult<Void> outcome, long totalMillis) {
    RunRecorder record = run.record;
    if (outcome.succeeded()) {
      listener.runFinished(true, totalMillis);
      return Future.succeededFuture(new BootstrapReport(run.vendor, record.schema(), record.results(), totalMillis,
          record.tookTheLock()));
    }
    // A failure no step claimed came after the work: the lock's release.
    BootstrapException error = record.tag(RELEASE, 0, outcome.cause());
    listener.runFinished(false, totalMillis);
    return Future.failedFuture(new BootstrapFailure(error, new BootstrapReport(run.vendor, record.schema(), record.results(),
        totalMillis, record.tookTheLock())));
  }
}
