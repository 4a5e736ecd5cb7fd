package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.config.DatabaseUrl;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Hands out fresh databases of each kind. Servers come from {@code TEST_PG_URL} /
 * {@code TEST_MYSQL_URL} when set, else from Testcontainers when a Docker engine is present, else
 * the tests that need them are skipped with a message. SQLite needs nothing.
 */
public final class TestDatabases {

  private static ServerEndpoint postgres;
  private static ServerEndpoint mysql;
  private static Boolean docker;

  private TestDatabases() {
  }

  public static TestDatabase postgres() throws Exception {
    return new ServerDatabase(postgresEndpoint());
  }

  public static TestDatabase mysql() throws Exception {
    return new ServerDatabase(mysqlEndpoint());
  }

  public static TestDatabase sqlite() throws Exception {
    return new SqliteDatabase();
  }

  private static synchronized ServerEndpoint postgresEndpoint() {
    if (postgres == null) {
      postgres = endpoint("TEST_PG_URL", "PostgreSQL", () -> {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
            + container.getHost() + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName();
      });
    }
    return postgres;
  }

  private static synchronized ServerEndpoint mysqlEndpoint() {
    if (mysql == null) {
      mysql = endpoint("TEST_MYSQL_URL", "MariaDB/MySQL", () -> {
        MariaDBContainer container = new MariaDBContainer("mariadb:11");
        container.withUsername("root").withPassword("test");
        container.start();
        return "mariadb://root:test@" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName();
      });
    }
    return mysql;
  }

  private static ServerEndpoint endpoint(String variable, String what, Supplier<String> container) {
    String url = System.getenv(variable);
    if (url == null || url.isBlank()) {
      String skip = "skipping " + what + " tests: set " + variable + " (.ci/run does) or provide a Docker engine for Testcontainers";
      if (!dockerAvailable()) {
        System.err.println("[db-bootstrap-agent tests] " + skip);
      }
      Assumptions.assumeTrue(dockerAvailable(), skip);
      url = container.get();
    }
    return new ServerEndpoint(DatabaseUrl.parse(url));
  }

  private static synchronized boolean dockerAvailable() {
    if (docker == null) {
      try {
        docker = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        docker = false;
      }
    }
    return docker;
  }
}
