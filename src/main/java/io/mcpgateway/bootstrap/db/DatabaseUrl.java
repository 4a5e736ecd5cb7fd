package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed database URL. The vendor is decided here, once; the password is kept apart from
 * everything printable: {@link #toString()} and {@link #redacted()} never show it, and
 * {@link #jdbcUrl()} carries no credentials (they travel as separate properties).
 *
 * @param file the database file, for a file database (SQLite); {@code null} for servers
 * @param parameters the URL's query parameters the vendor accepted (validated by it), lower-case names
 */
public record DatabaseUrl(Vendor vendor, String host, int port, String database,
                          String user, String password, Path file, Map<String, String> parameters) {

  public DatabaseUrl {
    parameters = Map.copyOf(parameters);
  }

  /**
   * Reads every form the Python gateway accepts (SQLAlchemy's {@code scheme+driver://},
   * {@code sqlite:///relative}, {@code sqlite:////absolute}) and plain {@code jdbc:} URLs; the
   * scheme picks the vendor, which reads the rest. Errors echo at most the scheme.
   */
  public static DatabaseUrl parse(String text) {
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
    return Vendors.forScheme(base).parse(url.substring(colon + 1), jdbc);
  }

  /** A {@code BAD_URL} failure that lists the accepted forms. */
  public static BootstrapException bad(String what) {
    return new BootstrapException(Reason.BAD_URL, what + "; accepted forms: " + Vendors.acceptedForms());
  }

  /**
   * The URL Flyway and JDBC use, with no credentials; on its own it is not enough: connect with
   * {@link #jdbcConnectionProperties()} (or give Flyway {@link #jdbcProperties()}), since MySQL/MariaDB's
   * database travels as a property.
   */
  public String jdbcUrl() {
    return vendor.jdbcUrl(this);
  }

  /**
   * The JDBC driver's properties beyond user and password (TLS files and modes, and MySQL/MariaDB's
   * database); never the password.
   */
  public Map<String, String> jdbcProperties() {
    return vendor.jdbcProperties(this);
  }

  /** User, password and {@link #jdbcProperties()}, for {@code DriverManager.getConnection}. */
  public Properties jdbcConnectionProperties() {
    Properties properties = new Properties();
    properties.putAll(jdbcProperties());
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  /** A form safe for logs and error messages. */
  public String redacted() {
    if (file != null) {
      return vendor.name() + ":" + file;
    }
    String who = user == null ? "" : user + (password == null ? "" : ":***") + "@";
    return vendor.name() + "://" + who + hostAndPort() + "/" + database;
  }

  /** The same server and credentials, another database: test fixtures make fresh databases this way. */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(vendor, host, port, otherDatabase, user, password, file, parameters);
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  public String hostAndPort() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** For messages: "PostgreSQL at db:5432", or "SQLite at /data/mcp.db". */
  public String where() {
    return vendor.displayName() + " at " + (file != null ? file.toString() : hostAndPort());
  }

  @Override
  public String toString() {
    return redacted();
  }
}
