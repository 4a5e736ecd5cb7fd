package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A database created for one test on a PostgreSQL or MariaDB/MySQL server, dropped afterwards.
 * The migration lock is held over a second JDBC connection, as another replica would hold it.
 *
 * @param holdLockSql the statement that takes the migration lock in a session of its own
 * @param holderMarkSql the statement that returns the holder's mark (how the agent must name it)
 * @param dropSql the statement that drops the database, with %s for its name
 * @param otherSessionsSql the statement that counts the sessions on the database named by its one
 *     parameter, its own left out
 */
final class ServerDatabase implements TestDatabase {

  /** The application name of a lock holder that is not an agent. */
  static final String FOREIGN_HOLDER = "psql-test-holder";

  private final ServerEndpoint server;
  private final String name;
  private final DatabaseUrl url;
  private final String holdLockSql;
  private final String holderMarkSql;
  private final String dropSql;
  private final String otherSessionsSql;

  ServerDatabase(ServerEndpoint server, String holdLockSql, String holderMarkSql, String dropSql, String otherSessionsSql)
      throws Exception {
    this.server = server;
    this.holdLockSql = holdLockSql;
    this.holderMarkSql = holderMarkSql;
    this.dropSql = dropSql;
    this.otherSessionsSql = otherSessionsSql;
    this.name = "dbboot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    server.execute("CREATE DATABASE " + name);
    this.url = server.url().withDatabase(name);
  }

  @Override
  public DatabaseUrl url() {
    return url;
  }

  @Override
  public String urlText() {
    return TestDatabase.serverUrlText(url, url.hostAndPort());
  }

  @Override
  public HeldLock holdMigrationLock() throws Exception {
    // Not an agent: the way a psql session would name itself.
    Connection holder = DriverManager.getConnection(url.jdbcUrl().replaceAll("ApplicationName=[^&]*", "ApplicationName=" + FOREIGN_HOLDER),
        url.jdbcConnectionProperties());
    try (PreparedStatement statement = holder.prepareStatement(holdLockSql); ResultSet rs = statement.executeQuery()) {
      rs.next();
    }
    String mark;
    try (PreparedStatement statement = holder.prepareStatement(holderMarkSql); ResultSet rs = statement.executeQuery()) {
      rs.next();
      mark = rs.getString(1);
    }
    return new HeldLock() {
      @Override
      public String holderMark() {
        return mark;
      }

      @Override
      public void close() throws Exception {
        holder.close();
      }
    };
  }

  @Override
  public OptionalLong otherSessions() throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(otherSessionsSql)) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return OptionalLong.of(rs.getLong(1));
      }
    }
  }

  @Override
  public void close() throws Exception {
    server.execute(dropSql.formatted(name));
  }
}
