package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * A database created for one test on a PostgreSQL or MariaDB/MySQL server, dropped afterwards.
 * The session lock is held over a second JDBC connection, as another replica would hold it.
 */
final class ServerDatabase implements TestDatabase {

  private final ServerEndpoint server;
  private final String name;
  private final DatabaseUrl url;

  ServerDatabase(ServerEndpoint server) throws Exception {
    this.server = server;
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
    return url.kind().scheme() + "://" + credentials + "@" + url.hostAndPort() + "/" + name;
  }

  @Override
  public AutoCloseable holdMigrationLock() throws Exception {
    Connection holder = connect();
    String sql = url.kind() == DatabaseKind.POSTGRES ? "SELECT pg_advisory_lock(42424242424242)" : "SELECT GET_LOCK('mcpgateway_migration', 0)";
    try (PreparedStatement statement = holder.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      rs.next();
    }
    return holder::close;
  }

  @Override
  public void close() throws Exception {
    server.execute(url.kind() == DatabaseKind.POSTGRES
        ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
  }
}
