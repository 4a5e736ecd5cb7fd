package io.mcpgateway.bootstrap.support;

import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code DATABASE_URL} as a generator wrote it, kept in its pieces so that a mutation can replace
 * one, with what it means.
 *
 * @param scheme up to and including the slashes: {@code postgresql+psycopg://}, {@code sqlite:///}
 * @param userInfo {@code user:password@}, or empty
 * @param hostPort {@code host}, {@code host:port} or {@code [::1]:port}; empty for SQLite
 * @param path {@code /database}, or a SQLite file's path
 * @param query {@code ?name=value&...}, or empty
 * @param secret the distinctive part of the password that nothing may show, or null when there is none
 */
public record GeneratedUrl(String scheme, String userInfo, String hostPort, String path, String query, String secret,
                           Meaning meaning) {

  /**
   * What the URL means: each part as the parser must return it.
   *
   * @param user the user the agent logs in as (the operating-system user when the URL names none)
   * @param parameters the accepted query parameters, names lower-case, values decoded
   * @param jdbcProperties the JDBC driver's TLS properties, which say what the TLS parameters mean
   */
  public record Meaning(String vendor, String host, int port, String database, String user, String password, Path file,
                        Map<String, String> parameters, Map<String, String> jdbcProperties) {
  }

  public String text() {
    return scheme + userInfo + hostPort + path + query;
  }

  public GeneratedUrl withScheme(String other) {
    return new GeneratedUrl(other, userInfo, hostPort, path, query, secret, meaning);
  }

  public GeneratedUrl withUserInfo(String other) {
    return new GeneratedUrl(scheme, other, hostPort, path, query, secret, meaning);
  }

  public GeneratedUrl withHostPort(String other) {
    return new GeneratedUrl(scheme, userInfo, other, path, query, secret, meaning);
  }

  public GeneratedUrl withPath(String other) {
    return new GeneratedUrl(scheme, userInfo, hostPort, other, query, secret, meaning);
  }

  public GeneratedUrl withQuery(String other) {
    return new GeneratedUrl(scheme, userInfo, hostPort, path, other, secret, meaning);
  }

  /** The host without its port, as written (brackets kept). */
  public String hostOnly() {
    int close = hostPort.lastIndexOf(']');
    int colon = hostPort.lastIndexOf(':');
    return colon > close ? hostPort.substring(0, colon) : hostPort;
  }

  @Override
  public String toString() {
    return text();
  }
}
