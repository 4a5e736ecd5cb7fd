package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;

/**
 * One idempotent post-migration step. It runs on the locked connection inside one transaction
 * (opened by the caller) and reports how many rows it changed: zero on a second run.
 */
public interface BootstrapStep {

  /** A short stable name, used in logs, events and metric tags. */
  String name();

  Future<Long> apply(StepContext context);
}
