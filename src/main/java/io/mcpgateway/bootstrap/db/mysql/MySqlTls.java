package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.ServerUrl;
import io.mcpgateway.bootstrap.db.TlsMode;
import io.mcpgateway.bootstrap.db.TlsSettings;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.SslMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mysql client's TLS parameters with its meanings, for both the reactive client and
 * Connector/J: {@code ssl-mode} (DISABLED when absent, PREFERRED, REQUIRED, VERIFY_CA,
 * VERIFY_IDENTITY), {@code ssl-ca}, {@code ssl-cert} and {@code ssl-key} (PEM files); each also
 * spelled with an underscore. {@code charset} is accepted and ignored (the clients always speak
 * utf8mb4). Any other URL parameter is refused by name.
 */
final class MySqlTls {

  private static final String MODE = "ssl-mode";
  private static final String CA = "ssl-ca";
  private static final String CERT = "ssl-cert";
  private static final String KEY = "ssl-key";
  private static final Set<String> MODE_SPELLINGS = Set.of(MODE, "ssl_mode", "sslmode");
  private static final Set<String> ACCEPTED = Set.of(MODE, "ssl_mode", "sslmode", CA, "ssl_ca", CERT, "ssl_cert", KEY,
      "ssl_key", "charset");

  private MySqlTls() {
  }

  static Map<String, String> accept(Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!ACCEPTED.contains(name)) {
        throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL parameter " + ServerUrl.shown(name) + " is not supported for"
            + " MySQL/MariaDB; supported: user, password, ssl-mode, ssl-ca, ssl-cert, ssl-key, charset");
      }
    }
    settings(parameters);
    return parameters;
  }

  static TlsSettings settings(DatabaseUrl url) {
    return settings(url.parameters());
  }

  private static TlsSettings settings(Map<String, String> parameters) {
    String spelled = parameters.entrySet().stream().filter(parameter -> MODE_SPELLINGS.contains(parameter.getKey()))
        .map(Map.Entry::getValue).reduce((first, last) -> last).orElse("DISABLED");
    return TlsSettings.of(mode(spelled), CA, value(parameters, CA), CERT, value(parameters, CERT), KEY,
        value(parameters, KEY), "ssl-mode=" + spelled);
  }

  private static String value(Map<String, String> parameters, String name) {
    return Optional.ofNullable(parameters.get(name)).orElse(parameters.get(name.replace('-', '_')));
  }

  private static TlsMode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "disable", "disabled" -> TlsMode.DISABLE;
      case "prefer", "preferred" -> TlsMode.PREFER;
      case "require", "required" -> TlsMode.REQUIRE;
      case "verify-ca" -> TlsMode.VERIFY_CA;
      case "verify-identity" -> TlsMode.VERIFY_FULL;
      default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL ssl-mode " + ServerUrl.shown(value)
          + " is not supported; use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY");
    };
  }

  /**
   * The same for Connector/J, as connection properties: it has no "preferred" (it encrypts, or
   * not); a verifying mode goes through the agent's TLS plugin, which reads the same PEM files as the
   * reactive client and refuses an untrusted server in the handshake, before any password is sent
   * (the driver's own trust manager, given a CA it does not find, logs in first and checks after).
   */
  static Map<String, String> jdbcProperties(DatabaseUrl url) {
    TlsSettings tls = settings(url);
    Map<String, String> properties = new LinkedHashMap<>();
    switch (tls.mode()) {
      case DISABLE, PREFER -> properties.put("sslMode", "disable");
      case REQUIRE -> properties.put("sslMode", "trust");
      case VERIFY_CA, VERIFY_FULL -> {
        properties.put("sslMode", tls.mode() == TlsMode.VERIFY_CA ? "verify-ca" : "verify-full");
        properties.put("tlsSocketType", PemTlsSocketPlugin.TYPE);
        properties.put("serverSslCert", tls.files().ca().path().toString());
        if (tls.files().hasClientCertificate()) {
          properties.put(PemTlsSocketPlugin.CLIENT_CERT, tls.files().clientCertificate().path().toString());
          properties.put(PemTlsSocketPlugin.CLIENT_KEY, tls.files().clientKey().path().toString());
        }
      }
      default -> throw new IllegalStateException(tls.mode().name());
    }
    return properties;
  }

  static MySQLConnectOptions apply(MySQLConnectOptions options, ClientTls tls) {
    options.setSslMode(switch (tls.mode()) {
      case DISABLE -> SslMode.DISABLED;
      case PREFER -> SslMode.PREFERRED;
      case REQUIRE -> SslMode.REQUIRED;
      case VERIFY_CA -> SslMode.VERIFY_CA;
      case VERIFY_FULL -> SslMode.VERIFY_IDENTITY;
    });
    return tls.options() == null ? options : options.setSslOptions(tls.options());
  }
}
