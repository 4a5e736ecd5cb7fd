package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.TlsMode;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.Locale;
import java.util.Map;

/**
 * libpq's {@code sslmode} parameter, for both the reactive client and pgjdbc. Any other URL
 * parameter is refused by name: it could be a security setting we would silently drop.
 */
final class PostgresTls {

  static final String SSLMODE = "sslmode";

  private PostgresTls() {
  }

  /** The URL parameters accepted as they are; fails on anything unknown. */
  static Map<String, String> accept(Map<String, String> parameters) {
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (!parameter.getKey().equals(SSLMODE)) {
        throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL parameter '" + parameter.getKey()
            + "' is not supported for PostgreSQL; supported: user, password, sslmode");
      }
      mode(parameter.getValue());
    }
    return parameters;
  }

  static TlsMode mode(DatabaseUrl url) {
    String value = url.parameters().get(SSLMODE);
    return value == null ? TlsMode.DEFAULT : mode(value);
  }

  private static TlsMode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "disable" -> TlsMode.DISABLE;
      case "allow", "prefer" -> TlsMode.PREFER;
      case "require" -> TlsMode.REQUIRE;
      default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL sslmode '" + value
          + "' is not supported; use disable, prefer or require (certificate verification is not offered yet)");
    };
  }

  /** The same mode for pgjdbc, as a query string ("" for the driver's default). */
  static String jdbcParameters(DatabaseUrl url) {
    return switch (mode(url)) {
      case DEFAULT -> "";
      case DISABLE -> "?sslmode=disable";
      case PREFER -> "?sslmode=prefer";
      case REQUIRE -> "?sslmode=require";
    };
  }

  static PgConnectOptions apply(PgConnectOptions options, DatabaseUrl url) {
    return switch (mode(url)) {
      case DEFAULT, DISABLE -> options.setSslMode(SslMode.DISABLE);
      case PREFER -> options.setSslMode(SslMode.PREFER).setSslOptions(new ClientSSLOptions().setTrustAll(true));
      case REQUIRE -> options.setSslMode(SslMode.REQUIRE).setSslOptions(new ClientSSLOptions().setTrustAll(true));
    };
  }
}
