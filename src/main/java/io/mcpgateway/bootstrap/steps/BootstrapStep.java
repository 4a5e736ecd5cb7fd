package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;

/**
 * One idempotent post-migration step. It runs on the locked connection inside one transaction
 * (opened by the caller) and reports how many rows it changed: zero on a second run.
 */
public interface BootstrapStep {

  /** A short stable name, used in logs, events and metric tags. */
  String name();

  /**
   * Whether {@link #apply} would change anything: one read-only query built from the same SQL
   * conditions as {@code apply}. The pipeline asks every step at once, so a warm replica holds the
   * migration lock for one round trip instead of four transactions.
   */
  Future<Boolean> hasWork(StepContext context);

  Future<Long> apply(StepContext context);
}
