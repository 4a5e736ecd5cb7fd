package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Hands out fresh databases of each vendor: the tests' one list of databases. Servers come from
 * {@code TEST_PG_URL} / {@code TEST_MYSQL_URL} when set, else from Testcontainers when a Docker
 * engine is present, else the tests that need them are skipped with a message. SQLite needs nothing.
 */
public final class TestDatabases {

  /** Every vendor's name, as {@link #of} takes it. */
  public static final List<String> VENDORS = List.of("postgresql", "mysql", "sqlite");

  private static ServerEndpoint postgres;
  private static ServerEndpoint mysql;
  private static Boolean docker;

  private TestDatabases() {
  }

  public static TestDatabase of(String vendor) throws Exception {
    return switch (vendor) {
      case "postgresql" -> postgres();
      case "mysql" -> mysql();
      case "sqlite" -> sqlite();
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  public static TestDatabase postgres() throws Exception {
    return new ServerDatabase(postgresEndpoint(), "SELECT pg_advisory_lock(42424242424242)",
        "SELECT 'server process ' || pg_backend_pid() || ' ''" + ServerDatabase.FOREIGN_HOLDER + "'''",
        "DROP DATABASE IF EXISTS %s WITH (FORCE)", "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()");
  }

  public static TestDatabase mysql() throws Exception {
    return new ServerDatabase(mysqlEndpoint(), "SELECT GET_LOCK('mcpgateway_migration', 0)",
        "SELECT CONCAT('connection ', CONNECTION_ID(), ' (user ')", "DROP DATABASE IF EXISTS %s",
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()");
  }

  public static TestDatabase sqlite() throws Exception {
    return new SqliteDatabase();
  }

  /** The administrative URL of the PostgreSQL server the tests use (skips the test when there is none). */
  public static DatabaseUrl postgresServer() {
    return postgresEndpoint().url();
  }

  /** The administrative URL of the MariaDB/MySQL server the tests use (skips the test when there is none). */
  public static DatabaseUrl mysqlServer() {
    return mysqlEndpoint().url();
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
