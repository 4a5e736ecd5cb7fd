package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;

/**
 * What a step works with: the locked connection (inside the step's transaction), the
 * configuration, and the worker executor for blocking work such as hashing.
 */
public record StepContext(SqlConnection connection, BootstrapConfig config, WorkerExecutor worker) {
}
