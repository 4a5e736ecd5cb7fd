package io.mcpgateway.gateway;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test: SQLite in a temporary folder, or a database created on the
 * server that {@code TEST_PG_URL} / {@code TEST_MYSQL_URL} names (the test is skipped without it).
 */
final class GatewayDatabase implements AutoCloseable {

  private final String urlText;
  private final DatabaseUrl url;
  private final Runnable drop;

  private GatewayDatabase(String urlText, Runnable drop) {
    this.urlText = urlText;
    this.url = DatabaseUrl.parse(urlText);
    this.drop = drop;
  }

  static GatewayDatabase create(String vendor) throws Exception {
    if (vendor.equals("sqlite")) {
      Path folder = Files.createTempDirectory("gateway");
      return new GatewayDatabase("sqlite:///" + folder.resolve("gateway.db"), () -> delete(folder));
    }
    String variable = vendor.equals("postgresql") ? "TEST_PG_URL" : "TEST_MYSQL_URL";
    String server = System.getenv(variable);
    Assumptions.assumeTrue(server != null && !server.isBlank(), "skipping " + vendor + ": " + variable + " is not set");
    DatabaseUrl admin = DatabaseUrl.parse(server);
    String name = "dbboot_gw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(admin, "CREATE DATABASE " + name);
    String credentials = admin.user() + (admin.password() == null ? "" : ":" + admin.password());
    String drop = vendor.equals("postgresql") ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name;
    return new GatewayDatabase(vendor + "://" + credentials + "@" + admin.hostAndPort() + "/" + name, () -> {
      try {
        execute(admin, drop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  String urlText() {
    return urlText;
  }

  /** The first column of every row of a query. */
  List<String> column(String sql) throws Exception {
    try (Connection connection = connect(url); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  void execute(String sql) throws Exception {
    execute(url, sql);
  }

  @Override
  public void close() {
    drop.run();
  }

  private static void execute(DatabaseUrl target, String sql) throws Exception {
    try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(DatabaseUrl target) throws Exception {
    return DriverManager.getConnection(target.jdbcUrl(), target.jdbcConnectionProperties());
  }

  private static void delete(Path folder) {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
