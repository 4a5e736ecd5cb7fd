package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A parsed database URL. The kind is decided here, once; the password is kept apart from
 * everything printable: {@link #toString()} and {@link #redacted()} never show it, and
 * {@link #jdbcUrl()} carries no credentials (they travel as separate properties).
 *
 * @param file the database file, for SQLite only; {@code null} for server databases
 * @param tls whether to encrypt the connection to a server
 */
public record DatabaseUrl(DatabaseKind kind, String host, int port, String database,
                          String user, String password, Path file, TlsMode tls) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  public static DatabaseUrl parse(String text) {
    return DatabaseUrlParser.parse(text);
  }

  /** The URL Flyway and JDBC use: host, port and database only. */
  public String jdbcUrl() {
    return kind.jdbcUrl(this);
  }

  /** A form safe for logs and error messages. */
  public String redacted() {
    if (file != null) {
      return "sqlite:" + file;
    }
    String who = user == null ? "" : user + (password == null ? "" : ":***") + "@";
    return kind.scheme() + "://" + who + hostAndPort() + "/" + database;
  }

  /** The same server and credentials, another database: test fixtures make fresh databases this way. */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(kind, host, port, otherDatabase, user, password, file, tls);
  }

  /** Whether reaching the database means resolving a name: not for SQLite, nor for a host given as an IP address. */
  public boolean needsNameLookup() {
    return file == null && !(host.contains(":") || IPV4.matcher(host).matches());
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  public String hostAndPort() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return redacted();
  }
}
