package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;

/**
 * What a step works with: the locked connection (inside the step's transaction), the
 * configuration, the worker executor for blocking work, and the admin's password hash (which the
 * pipeline may already have started).
 */
public record StepContext(SqlConnection connection, BootstrapConfig config, WorkerExecutor worker,
                          AdminPasswordHash adminPasswordHash) {
}
