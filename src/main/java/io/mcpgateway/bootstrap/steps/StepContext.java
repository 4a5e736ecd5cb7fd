package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.db.Vendor;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;

/**
 * What a step works with: the locked connection (inside the step's transaction during
 * {@code apply}), the run's settings, the database's vendor, the worker executor for blocking work,
 * and the admin's password hash (computed at most once a run, possibly already started).
 */
public record StepContext(SqlConnection connection, BootstrapConfig config, Vendor vendor, WorkerExecutor worker,
                          AdminPasswordHash adminPasswordHash) {
}
