package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;

/**
 * One idempotent data step after the schema is current: the built-in ones (team visibility, the
 * admin, the roles, the orphans) and any a gateway adds, which run after them on the same locked
 * connection, timed and reported the same way.
 *
 * <p>The pipeline first asks {@link #hasWork}, right before the step would run and after the
 * steps before it have run; when that says no the step is skipped (a ready database takes no
 * transaction). Otherwise it calls {@link #apply} inside a transaction of its own on the locked
 * connection: the transaction commits when the returned future succeeds and rolls back when it
 * fails (or the method throws), and a failure fails the bootstrap. A second run must change
 * nothing: {@code hasWork} answers no, and {@code pendingRows} 0, once {@code apply} has done its work.
 *
 * <p>Both methods run on the pipeline's event-loop context: blocking work belongs on
 * {@link StepContext#worker()}, and SQL takes parameters.
 */
public interface BootstrapStep {

  /** A short stable name: the key in {@code db.ready}'s {@code stepMillis} and the {@code step} label of metrics. */
  String name();

  /**
   * Reads only: how many rows {@link #apply} would change now, counted with the same conditions it
   * applies (0: nothing to do). {@code --check} and {@code --plan} ask this too, without a lock.
   */
  Future<Long> pendingRows(StepContext context);

  /**
   * Reads only: whether {@link #apply} would change a row now, which is all a run needs to know
   * (the exact count is for {@code --check} and {@code --plan}). By default {@code pendingRows > 0};
   * a step whose exact count is dear answers from a cheaper bound where the bound decides.
   */
  default Future<Boolean> hasWork(StepContext context) {
    return pendingRows(context).map(rows -> rows != null && rows > 0);
  }

  /** Does the work, inside the step's transaction; says how many rows it changed (and left alone on purpose). */
  Future<StepOutcome> apply(StepContext context);
}
