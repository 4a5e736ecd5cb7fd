package io.mcpgateway.bootstrap.db;

/**
 * Whether and how the connection to a server is encrypted, as a server vendor reads it from its
 * own URL parameter ({@code sslmode} on PostgreSQL, {@code ssl-mode} on MySQL/MariaDB), with
 * libpq's meanings: {@code PREFER} and {@code REQUIRE} encrypt without verifying the certificate;
 * {@code VERIFY_CA} checks that a trusted CA signed it; {@code VERIFY_FULL} checks that too, and
 * that it was made for the host name in the URL.
 */
public enum TlsMode {
  DISABLE,
  PREFER,
  REQUIRE,
  VERIFY_CA,
  VERIFY_FULL;

  /** Whether the server's certificate is checked against a CA file. */
  public boolean verifies() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }
}
