package io.mcpgateway.bootstrap.tools;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on a training or test server ({@code CDS_TRAINING_*}, {@code TEST_*}) for the
 * cache training, so that a build that can reach the servers trains on them too; dropped afterwards.
 * Named {@code dbboot_*}, the prefix .ci/run grants its MariaDB user.
 */
final class ScratchDatabase implements AutoCloseable {

  private final DatabaseUrl admin;
  private final String url;
  private final String name;
  private final String dropSql;

  private ScratchDatabase(DatabaseUrl admin, String url, String name, String dropSql) {
    this.admin = admin;
    this.url = url;
    this.name = name;
    this.dropSql = dropSql;
  }

  /** Creates one on the server of {@code adminUrl}; {@code dropSql} has %s for its name. */
  static ScratchDatabase create(String adminUrl, String dropSql) throws Exception {
    String name = "dbboot_cds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    DatabaseUrl admin = DatabaseUrl.parse(adminUrl);
    execute(admin, "CREATE DATABASE " + name);
    int query = adminUrl.indexOf('?');
    String path = query < 0 ? adminUrl : adminUrl.substring(0, query);
    String url = path.substring(0, path.lastIndexOf('/') + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    return new ScratchDatabase(admin, url, name, dropSql);
  }

  /** Its URL in the agent's form: the server's, with this database. */
  String url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    execute(admin, dropSql.formatted(name));
  }

  /** Its own, not the test support's: the cache-training jar holds this package alone. */
  private static void execute(DatabaseUrl server, String ddl) throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.jdbcConnectionProperties());
         Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    }
  }
}
