package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.ServerUrl;
import io.mcpgateway.bootstrap.db.TlsMode;
import io.mcpgateway.bootstrap.db.TlsSettings;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * libpq's TLS parameters with libpq's meanings, for both the reactive client and pgjdbc:
 * {@code sslmode} (disable, allow/prefer, require, verify-ca, verify-full; prefer when absent, as
 * libpq), {@code sslrootcert}, {@code sslcert} and {@code sslkey} (PEM files). Any other URL
 * parameter is refused by name: it could be a security setting we would silently drop.
 */
final class PostgresTls {

  static final String SSLMODE = "sslmode";
  private static final String ROOT_CERT = "sslrootcert";
  private static final String CERT = "sslcert";
  private static final String KEY = "sslkey";
  private static final Set<String> ACCEPTED = Set.of(SSLMODE, ROOT_CERT, CERT, KEY);

  private PostgresTls() {
  }

  /** The URL parameters accepted as they are; fails on anything unknown or contradictory. */
  static Map<String, String> accept(Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!ACCEPTED.contains(name)) {
        throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL parameter " + ServerUrl.shown(name)
            + " is not supported for PostgreSQL; supported: user, password, sslmode, sslrootcert, sslcert, sslkey");
      }
    }
    settings(parameters);
    return parameters;
  }

  static TlsSettings settings(DatabaseUrl url) {
    return settings(url.parameters());
  }

  private static TlsSettings settings(Map<String, String> parameters) {
    String spelled = parameters.getOrDefault(SSLMODE, "prefer");
    return TlsSettings.of(mode(spelled), ROOT_CERT, parameters.get(ROOT_CERT), CERT, parameters.get(CERT),
        KEY, parameters.get(KEY), "sslmode=" + spelled);
  }

  private static TlsMode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "disable" -> TlsMode.DISABLE;
      case "allow", "prefer" -> TlsMode.PREFER;
      case "require" -> TlsMode.REQUIRE;
      case "verify-ca" -> TlsMode.VERIFY_CA;
      case "verify-full" -> TlsMode.VERIFY_FULL;
      default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL sslmode " + ServerUrl.shown(value)
          + " is not supported; use disable, prefer, require, verify-ca or verify-full");
    };
  }

  /**
   * The same for pgjdbc, as connection properties (no URL encoding to get wrong): its own mode,
   * and for a verifying mode the agent's socket factory, which reads the same PEM files the reactive
   * client does (pgjdbc itself takes keys in DER only); pgjdbc checks the host name for verify-full.
   */
  static Map<String, String> jdbcProperties(DatabaseUrl url) {
    TlsSettings tls = settings(url);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(SSLMODE, switch (tls.mode()) {
      case DISABLE -> "disable";
      case PREFER -> "prefer";
      case REQUIRE -> "require";
      case VERIFY_CA -> "verify-ca";
      case VERIFY_FULL -> "verify-full";
    });
    if (tls.mode().verifies()) {
      properties.put("sslfactory", PemSocketFactory.class.getName());
      properties.put(ROOT_CERT, tls.files().ca().path().toString());
      if (tls.files().hasClientCertificate()) {
        properties.put(CERT, tls.files().clientCertificate().path().toString());
        properties.put(KEY, tls.files().clientKey().path().toString());
      }
    }
    return properties;
  }

  static PgConnectOptions apply(PgConnectOptions options, ClientTls tls) {
    options.setSslMode(switch (tls.mode()) {
      case DISABLE -> SslMode.DISABLE;
      case PREFER -> SslMode.PREFER;
      case REQUIRE -> SslMode.REQUIRE;
      case VERIFY_CA -> SslMode.VERIFY_CA;
      case VERIFY_FULL -> SslMode.VERIFY_FULL;
    });
    return tls.options() == null ? options : options.setSslOptions(tls.options());
  }
}
