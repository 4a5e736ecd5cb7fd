package io.mcpgateway.bootstrap.config;

import java.time.Duration;

/**
 * How long to keep trying a server that is unreachable or still starting (a database container
 * that comes up after the agent), the upstream gateway's names and defaults: {@code DB_MAX_RETRIES}
 * retries, {@code DB_RETRY_INTERVAL_MS} apart (with up to a fifth of jitter, so replicas that start
 * together do not knock together). A rejected login, an unknown database or a bad URL is never retried.
 */
public record ConnectRetry(int maxRetries, Duration interval) {

  public static final ConnectRetry NONE = new ConnectRetry(0, Duration.ZERO);
}
