package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every URL form the Python gateway accepts (SQLAlchemy's {@code scheme+driver://},
 * {@code sqlite:///relative} and {@code sqlite:////absolute}) and plain {@code jdbc:} URLs.
 * Errors name the accepted forms and echo at most the scheme, never the rest of the URL.
 */
final class DatabaseUrlParser {

  static final String ACCEPTED = "postgresql://user:pass@host:5432/db, mysql://user:pass@host:3306/db, "
      + "mariadb://..., sqlite:///relative.db, sqlite:////absolute/path.db, or jdbc:postgresql|mysql|mariadb|sqlite:...";

  private static final Map<String, DatabaseKind> SCHEMES = Map.of(
      "postgresql", DatabaseKind.POSTGRES, "postgres", DatabaseKind.POSTGRES,
      "mysql", DatabaseKind.MYSQL, "mariadb", DatabaseKind.MYSQL,
      "sqlite", DatabaseKind.SQLITE);

  private DatabaseUrlParser() {
  }

  static DatabaseUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw bad("DATABASE_URL is empty");
    }
    String url = text.strip();
    boolean jdbc = url.regionMatches(true, 0, "jdbc:", 0, 5);
    if (jdbc) {
      url = url.substring(5);
    }
    int colon = url.indexOf(':');
    if (colon <= 0) {
      throw bad("DATABASE_URL has no scheme");
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    // SQLAlchemy names the driver after a '+': postgresql+psycopg, mysql+pymysql.
    String base = scheme.contains("+") && !jdbc ? scheme.substring(0, scheme.indexOf('+')) : scheme;
    DatabaseKind kind = SCHEMES.get(base);
    if (kind == null) {
      throw bad("DATABASE_URL scheme '" + scheme + "' is not supported");
    }
    String rest = url.substring(colon + 1);
    return kind == DatabaseKind.SQLITE ? sqlite(rest, jdbc) : server(kind, rest);
  }

  private static DatabaseUrl sqlite(String rest, boolean jdbc) {
    String path;
    if (jdbc) {
      path = rest;                      // jdbc:sqlite:path
    } else if (rest.startsWith("///")) {
      path = rest.substring(3);         // sqlite:///rel.db -> rel.db, sqlite:////abs.db -> /abs.db
    } else {
      throw bad("a SQLite DATABASE_URL needs three slashes (sqlite:///relative.db) or four (sqlite:////absolute.db)");
    }
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file::memory:")) {
      throw bad("an in-memory SQLite database cannot be shared with the gateway; give a file path (sqlite:///./mcp.db)");
    }
    return new DatabaseUrl(DatabaseKind.SQLITE, null, 0, null, null, null, Path.of(decode(path)), TlsMode.DEFAULT);
  }

  private static DatabaseUrl server(DatabaseKind kind, String rest) {
    if (!rest.startsWith("//")) {
      throw bad("DATABASE_URL for " + kind.displayName() + " must look like " + kind.scheme() + "://user:pass@host:port/db");
    }
    String body = rest.substring(2);
    int queryAt = body.indexOf('?');
    String query = queryAt >= 0 ? body.substring(queryAt + 1) : "";
    String main = queryAt >= 0 ? body.substring(0, queryAt) : body;
    int at = main.lastIndexOf('@');
    String userInfo = at >= 0 ? main.substring(0, at) : null;
    String location = main.substring(at + 1);
    int slash = location.indexOf('/');
    String hostPort = slash >= 0 ? location.substring(0, slash) : location;
    String database = slash >= 0 ? decode(location.substring(slash + 1)) : "";

    String user = null;
    String password = null;
    TlsMode tls = TlsMode.DEFAULT;
    if (userInfo != null) {
      int split = userInfo.indexOf(':');
      user = decode(split >= 0 ? userInfo.substring(0, split) : userInfo);
      password = split >= 0 ? decode(userInfo.substring(split + 1)) : null;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
      switch (key.toLowerCase(Locale.ROOT)) {
        case "user" -> user = value;
        case "password" -> password = value;
        case "sslmode", "ssl-mode", "ssl_mode" -> tls = tlsMode(value);
        case "charset" -> { } // the clients always speak utf8mb4
        // Anything else could be a security setting we would silently drop: refuse it by name.
        default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL parameter '" + key
            + "' is not supported; supported: user, password, sslmode (PostgreSQL), ssl-mode (MySQL), charset");
      }
    }
    String host = hostPort;
    int port = kind.defaultPort();
    int portColon = hostPort.lastIndexOf(':');
    if (portColon >= 0 && portColon > hostPort.lastIndexOf(']')) {
      host = hostPort.substring(0, portColon);
      port = port(hostPort.substring(portColon + 1));
    }
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (host.isEmpty()) {
      throw bad("DATABASE_URL names no host");
    }
    if (database.isEmpty()) {
      throw bad("DATABASE_URL names no database (add /dbname after the host)");
    }
    // Like libpq and the mysql client, no user means the operating-system user.
    String effectiveUser = user == null || user.isEmpty() ? System.getProperty("user.name") : user;
    return new DatabaseUrl(kind, host, port, database, effectiveUser, password, null, tls);
  }

  private static TlsMode tlsMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "disable", "disabled" -> TlsMode.DISABLE;
      case "allow", "prefer", "preferred" -> TlsMode.PREFER;
      case "require", "required" -> TlsMode.REQUIRE;
      default -> throw new BootstrapException(Reason.BAD_URL, "DATABASE_URL ssl mode '" + value
          + "' is not supported; use disable, prefer or require (certificate verification is not offered yet)");
    };
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw bad("DATABASE_URL has a port that is not a number from 1 to 65535");
  }

  /** Percent-decoding as in a URL's user info: '+' stays a plus (unlike form encoding). */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static BootstrapException bad(String what) {
    return new BootstrapException(Reason.BAD_URL, what + "; accepted forms: " + ACCEPTED);
  }
}
