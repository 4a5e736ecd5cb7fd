package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;
import java.util.List;

/**
 * Runs the data steps in order, each that has work in its own transaction. Every step decides on
 * the database as the steps before it left it: the remaining steps are asked together (the
 * clients pipeline the reads, so a ready database costs one round trip for all of them), and after
 * a step that changed rows the ones after it are asked again.
 */
final class DataSteps {

  private final List<BootstrapStep> steps;
  private final RunRecorder record;
  private final StopSignal stop;

  DataSteps(List<BootstrapStep> steps, RunRecorder record, StopSignal stop) {
    this.steps = List.copyOf(steps);
    this.record = record;
    this.stop = stop;
  }

  Future<Void> run(StepContext context) {
    return decideFrom(0, context);
  }

  private Future<Void> decideFrom(int first, StepContext context) {
    if (first >= steps.size()) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    List<Future<Boolean>> answers = steps.subList(first, steps.size()).stream()
        .map(step -> Futures.started(() -> step.hasWork(context))).toList();
    return Future.join(answers).transform(asked -> walk(first, new Decisions(first, answers, RunRecorder.millisSince(started)),
        context));
  }

  /** The answers of one round of asking, for the steps from {@code first} on. */
  private record Decisions(int first, List<Future<Boolean>> answers, long millis) {

    Future<Boolean> of(int index) {
      return answers.get(index - first);
    }
  }

  private Future<Void> walk(int index, Decisions decisions, StepContext context) {
    if (index >= steps.size()) {
      return Future.succeededFuture();
    }
    BootstrapStep step = steps.get(index);
    Future<Boolean> pending = decisions.of(index);
    if (pending.failed()) {
      return record.failed(step.name(), decisions.millis(), pending.cause());
    }
    if (!Boolean.TRUE.equals(pending.result())) {
      record.nothingToDo(step.name(), decisions.millis());
      return walk(index + 1, decisions, context);
    }
    if (stop.isRequested()) {
      return record.failed(step.name(), 0, new BootstrapException(Reason.STOPPED, "stopped before step '" + step.name()
          + "', as asked; the steps before it are done, and the next run continues from here"));
    }
    return record.timeStep(step.name(), () -> Transactions.inTransaction(context.connection(), () -> step.apply(context)))
        .compose(outcome -> changedSomething(outcome) ? decideFrom(index + 1, context) : walk(index + 1, decisions, context));
  }

  private static boolean changedSomething(StepOutcome outcome) {
    return outcome.rowsChanged() > 0;
  }
}
