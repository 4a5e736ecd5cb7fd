package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.schema.SchemaPlan;
import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * With reads only and no lock: what the schema step would do and how many rows each step would
 * change. A ready database answers "nothing to do" and the run is over without the lock; a replica
 * queued behind another's migration asks it between two tries for the lock; {@code --check} and
 * {@code --plan} print it.
 */
public final class ReadOnlyCheck {

  /** One step's answer. */
  public record Decision(String step, long pendingRows) {
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
      return schema.upToDate() && steps.stream().allMatch(decision -> decision.pendingRows() <= 0);
    }
  }

  private ReadOnlyCheck() {
  }

  static Future<Outcome> run(Supplier<Future<SchemaPlan>> schema, List<BootstrapStep> steps, StepContext context) {
    long started = System.nanoTime();
    return schema.get().compose(plan -> {
      long schemaMillis = RunRecorder.millisSince(started);
      if (!plan.upToDate()) {
        return Future.succeededFuture(new Outcome(plan, schemaMillis, List.of(), 0));
      }
      long asked = System.nanoTime();
      List<Future<Long>> answers = steps.stream().map(step -> Futures.started(() -> step.pendingRows(context))).toList();
      return Future.all(answers).map(all -> {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
          decisions.add(new Decision(steps.get(i).name(), answers.get(i).result() == null ? 0 : answers.get(i).result()));
        }
        return new Outcome(plan, schemaMillis, decisions, RunRecorder.millisSince(asked));
      });
    });
  }
}
