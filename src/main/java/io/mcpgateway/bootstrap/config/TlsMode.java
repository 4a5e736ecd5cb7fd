package io.mcpgateway.bootstrap.config;

/**
 * Whether the connection to a server is encrypted, from the URL's {@code sslmode} (PostgreSQL) or
 * {@code ssl-mode} (MySQL). {@code REQUIRE} encrypts without verifying the certificate, as libpq's
 * {@code require} does; certificate verification is not offered yet and is refused, not ignored.
 */
public enum TlsMode {
  /** No parameter given: the drivers' default (no TLS). */
  DEFAULT,
  DISABLE,
  PREFER,
  REQUIRE
}
