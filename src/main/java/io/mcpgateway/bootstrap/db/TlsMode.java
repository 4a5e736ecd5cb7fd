package io.mcpgateway.bootstrap.db;

/**
 * Whether the connection to a server is encrypted, as a server vendor reads it from its own URL
 * parameter ({@code sslmode} on PostgreSQL, {@code ssl-mode} on MySQL). {@code REQUIRE} encrypts
 * without verifying the certificate, as libpq's {@code require} does.
 */
public enum TlsMode {
  /** No parameter given: the drivers' default (no TLS). */
  DEFAULT,
  DISABLE,
  PREFER,
  REQUIRE
}
