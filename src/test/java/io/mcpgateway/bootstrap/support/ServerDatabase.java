package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * A database created for one test on a PostgreSQL or MariaDB/MySQL server, dropped afterwards.
 * The migration lock is held over a second JDBC connection, as another replica would hold it.
 *
 * @param holdLockSql the statement that takes the migration lock in a session of its own
 * @param dropSql the statement that drops the database, with %s for its name
 */
final class ServerDatabase implements TestDatabase {

  private final ServerEndpoint server;
  private final String name;
  private final DatabaseUrl url;
  private final String holdLockSql;
  private final String dropSql;

  ServerDatabase(ServerEndpoint server, String holdLockSql, String dropSql) throws Exception {
    this.server = server;
    this.holdLockSql = holdLockSql;
    this.dropSql = dropSql;
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
    String credentials = url.user() + (url.password() == null || url.password().isEmpty() ? "" : ":" + url.password());
    return url.vendor().name() + "://" + credentials + "@" + url.hostAndPort() + "/" + name;
  }

  @Override
  public AutoCloseable holdMigrationLock() throws Exception {
    Connection holder = connect();
    try (PreparedStatement statement = holder.prepareStatement(holdLockSql); ResultSet rs = statement.executeQuery()) {
      rs.next();
    }
    return holder::close;
  }

  @Override
  public void close() throws Exception {
    server.execute(dropSql.formatted(name));
  }
}
