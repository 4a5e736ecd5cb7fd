package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A fresh, empty database of one kind for one test, reached through the production URL parser.
 * Tests read and seed rows over plain JDBC (blocking is fine on the test thread).
 */
public interface TestDatabase extends AutoCloseable {

  DatabaseUrl url();

  /** The URL text an operator would put in DATABASE_URL for this database. */
  String urlText();

  /** The same database of a server reached at 127.0.0.1:{@code port} (a forwarding port in front of it). */
  default String urlTextAt(int port) {
    return serverUrlText(url(), "127.0.0.1:" + port);
  }

  /** A server database's URL text, its user and password included, at {@code hostAndPort}. */
  static String serverUrlText(DatabaseUrl url, String hostAndPort) {
    String credentials = url.user() + (url.password() == null || url.password().isEmpty() ? "" : ":" + url.password());
    return url.vendor().name() + "://" + credentials + "@" + hostAndPort + "/" + url.database();
  }

  /** Holds the migration lock from another session (or process) until closed. */
  HeldLock holdMigrationLock() throws Exception;

  /** A lock held by someone who is not an agent (a psql session, a foreign process). */
  interface HeldLock extends AutoCloseable {
    /** What a waiting agent's description of the holder must contain: its process, connection or own words. */
    String holderMark();
  }

  /**
   * How many sessions a server shows on this database besides the one asking; for a file, how
   * many of this process's open files are the database's; empty where that cannot be seen.
   */
  default OptionalLong otherSessions() throws SQLException {
    return OptionalLong.empty();
  }

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(url().jdbcUrl(), url().jdbcConnectionProperties());
  }

  @Override
  void close() throws Exception;
}
