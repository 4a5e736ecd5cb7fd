package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.schema.SchemaPlan;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * With reads only and no lock: what the schema step would do and how many rows each step would
 * change. A ready database answers "nothing to do" and the run is over without the lock; a replica
 * queued behind another's migration asks it between two tries for the lock; {@code --check} and
 * {@code --plan} print it.
 */
public final class ReadOnlyCheck {

  /**
   * One step's answer: whether it has work and, where counted ({@code --check}, {@code --plan}),
   * how many rows; {@link #NOT_COUNTED} in a run, which only needs the first.
   */
  public record Decision(String step, boolean hasWork, long pendingRows) {

    public static final long NOT_COUNTED = -1;
  }

  /**
   * What was found; {@code steps} is empty when the schema is not up to date (the steps' tables may
   * change first: a run decides them after migrating).
   */
  public record Outcome(SchemaPlan schema, long schemaMillis, List<Decision> steps, long stepsMillis) {

    public Outcome {
      steps = List.copyOf(steps);
    }

    public boolean nothingToDo() {
      return schema.upToDate() && steps.stream().noneMatch(Decision::hasWork);
    }
  }

  private ReadOnlyCheck() {
  }

  /** Whether each step has work, as a run decides: a step may answer from a bound instead of a count. */
  static Future<Outcome> decide(Supplier<Future<SchemaPlan>> schema, List<BootstrapStep> steps, StepContext context) {
    return run(schema, steps, step -> Futures.started(() -> step.hasWork(context))
        .map(work -> new Decision(step.name(), Boolean.TRUE.equals(work), Decision.NOT_COUNTED)));
  }

  /** How many rows each step would change, for {@code --check} and {@code --plan}. */
  static Future<Outcome> count(Supplier<Future<SchemaPlan>> schema, List<BootstrapStep> steps, StepContext context) {
    return run(schema, steps, step -> Futures.started(() -> step.pendingRows(context)).map(rows -> {
      long pending = rows == null ? 0 : rows;
      return new Decision(step.name(), pending > 0, pending);
    }));
  }

  private static Future<Outcome> run(Supplier<Future<SchemaPlan>> schema, List<BootstrapStep> steps,
                                     Function<BootstrapStep, Future<Decision>> ask) {
    long started = System.nanoTime();
    return schema.get().compose(plan -> {
      long schemaMillis = RunRecorder.millisSince(started);
      if (!plan.upToDate()) {
        return Future.succeededFuture(new Outcome(plan, schemaMillis, List.of(), 0));
      }
      long asked = System.nanoTime();
      List<Future<Decision>> answers = steps.stream().map(ask).toList();
      return Future.all(answers).map(all -> new Outcome(plan, schemaMillis, answers.stream().map(Future::result).toList(),
          RunRecorder.millisSince(asked)));
    });
  }
}
