package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.TlsMode;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.SslMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mysql client's {@code ssl-mode} parameter (also spelled {@code ssl_mode} or {@code sslmode}),
 * for both the reactive client and Connector/J; {@code charset} is accepted and ignored (the
 * clients always speak utf8mb4). Any other URL parameter is refused by name.
 */
final class MySqlTls {

  private static final Set<String> MODE_KEYS = Set.of("ssl-mode", "ssl_mode", "sslmode");
  private static final String CHARSET = "charset";

  private MySqlTls() {
  }

  static Map<String, String> accept(Map<String, String> parameters) {
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (MODE_KEYS.contains(parameter.getKey())) {
        mode(parameter.getValue());
      } else if (!parameter.getKey().equals(CHARSET)) {
        throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL parameter '" + parameter.getKey()
            + "' is not supported for MySQL/MariaDB; supported: user, password, ssl-mode, charset");
      }
    }
    return parameters;
  }

  static TlsMode mode(DatabaseUrl url) {
    return url.parameters().entrySet().stream().filter(parameter -> MODE_KEYS.contains(parameter.getKey()))
        .map(parameter -> mode(parameter.getValue())).reduce((first, last) -> last).orElse(TlsMode.DEFAULT);
  }

  private static TlsMode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "disable", "disabled" -> TlsMode.DISABLE;
      case "prefer", "preferred" -> TlsMode.PREFER;
      case "require", "required" -> TlsMode.REQUIRE;
      default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL ssl-mode '" + value
          + "' is not supported; use DISABLED, PREFERRED or REQUIRED (certificate verification is not offered yet)");
    };
  }

  /** Connector/J has no "prefer": it encrypts (trust) or not. */
  static String jdbcParameters(DatabaseUrl url) {
    return mode(url) == TlsMode.REQUIRE ? "?sslMode=trust" : "";
  }

  static MySQLConnectOptions apply(MySQLConnectOptions options, DatabaseUrl url) {
    return switch (mode(url)) {
      case DEFAULT, DISABLE -> options.setSslMode(SslMode.DISABLED);
      case PREFER -> options.setSslMode(SslMode.PREFERRED).setSslOptions(new ClientSSLOptions().setTrustAll(true));
      case REQUIRE -> options.setSslMode(SslMode.REQUIRED).setSslOptions(new ClientSSLOptions().setTrustAll(true));
    };
  }
}
