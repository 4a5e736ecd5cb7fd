package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.schema.SchemaOutcome;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The record of one run, kept as it happens: each step's result when it finishes (only steps that
 * ran, the failed one as failed), the schema's outcome, and the listener told of every start and
 * finish. A failure leaves here tagged with the step it happened in.
 */
final class RunRecorder {

  private final PipelineListener listener;
  private final List<StepResult> results = new ArrayList<>();
  private SchemaOutcome schema;
  private boolean lockTaken;

  RunRecorder(PipelineListener listener) {
    this.listener = listener;
  }

  /** A step under way, for a step whose end is signalled from inside other work (the lock wait). */
  final class Running {
    private final String step;
    private final long started = System.nanoTime();
    private boolean done;

    private Running(String step) {
      this.step = step;
      listener.stepStarted(step);
    }

    /** Records success; returns the step's milliseconds. */
    long succeeded(StepOutcome outcome) {
      done = true;
      long millis = millisSince(started);
      record(StepResult.succeeded(step, outcome.rowsChanged(), outcome.rowsSkipped(), millis));
      return millis;
    }

    /** Records the failure unless this step already ended (then the failure belongs to a later step). */
    <T> Future<T> failed(Throwable failure) {
      if (done) {
        return Future.failedFuture(failure);
      }
      done = true;
      return RunRecorder.this.failed(step, millisSince(started), failure);
    }
  }

  Running start(String step) {
    return new Running(step);
  }

  /** Times {@code work} as {@code step}, which changes no rows. */
  <T> Future<T> time(String step, Supplier<Future<T>> work) {
    Running running = start(step);
    return Futures.started(work).onSuccess(done -> running.succeeded(StepOutcome.changed(0)))
        .recover(running::failed);
  }

  /** Times a data step's work, which says what it changed. */
  Future<StepOutcome> timeStep(String step, Supplier<Future<StepOutcome>> work) {
    Running running = start(step);
    return Futures.started(work).onSuccess(running::succeeded).recover(running::failed);
  }

  /** A step that had nothing to do: it took the time of the read that said so. */
  void nothingToDo(String step, long decisionMillis) {
    listener.stepStarted(step);
    record(StepResult.succeeded(step, 0, Map.of(), decisionMillis));
  }

  /** Records {@code step} as failed and fails with the failure tagged with it. */
  <T> Future<T> failed(String step, long millis, Throwable failure) {
    return Future.failedFuture(tag(step, millis, failure));
  }

  /**
   * The failure tagged with {@code step}, which is recorded as failed; a failure an inner step
   * already claimed is returned as it is.
   */
  BootstrapException tag(String step, long millis, Throwable failure) {
    if (failure instanceof BootstrapException known && known.step() != null) {
      return known;
    }
    record(StepResult.failed(step, millis));
    return BootstrapException.atStep(step, failure);
  }

  void lockTaken() {
    lockTaken = true;
  }

  boolean tookTheLock() {
    return lockTaken;
  }

  void schema(SchemaOutcome outcome) {
    schema = outcome;
  }

  SchemaOutcome schema() {
    return schema;
  }

  List<StepResult> results() {
    return List.copyOf(results);
  }

  private void record(StepResult result) {
    results.add(result);
    listener.stepFinished(result);
  }

  static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }
}
