package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.mcpgateway.bootstrap.config.TlsMode;
import io.mcpgateway.bootstrap.lock.FileMigrationLock;
import io.mcpgateway.bootstrap.lock.MigrationLock;
import io.mcpgateway.bootstrap.lock.MySqlNamedLock;
import io.mcpgateway.bootstrap.lock.PostgresAdvisoryLock;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * The supported databases and the one place that picks what differs between them: the JDBC
 * URL Flyway uses, the migration folder and the lock mechanism. Code past the URL parser asks
 * these strategies instead of testing the kind again.
 */
public enum DatabaseKind {
  POSTGRES("postgresql", "PostgreSQL", 5432) {
    @Override
    public String jdbcUrl(DatabaseUrl url) {
      String ssl = switch (url.tls()) {
        case DEFAULT -> "";
        case DISABLE -> "?sslmode=disable";
        case PREFER -> "?sslmode=prefer";
        case REQUIRE -> "?sslmode=require";
      };
      return "jdbc:postgresql://" + url.hostAndPort() + "/" + url.database() + ssl;
    }

    @Override
    public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
      return new PostgresAdvisoryLock(vertx, url);
    }
  },
  MYSQL("mysql", "MySQL/MariaDB", 3306) {
    @Override
    public String jdbcUrl(DatabaseUrl url) {
      // MariaDB Connector/J speaks to MySQL and MariaDB servers alike.
      // Connector/J has no "prefer": it encrypts (trust) or not.
      String ssl = url.tls() == TlsMode.REQUIRE ? "?sslMode=trust" : "";
      return "jdbc:mariadb://" + url.hostAndPort() + "/" + url.database() + ssl;
    }

    @Override
    public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
      return new MySqlNamedLock(vertx, url);
    }
  },
  SQLITE("sqlite", "SQLite", 0) {
    @Override
    public String jdbcUrl(DatabaseUrl url) {
      return "jdbc:sqlite:" + url.file();
    }

    @Override
    public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
      return new FileMigrationLock(vertx, url, worker);
    }
  };

  private final String scheme;
  private final String displayName;
  private final int defaultPort;

  DatabaseKind(String scheme, String displayName, int defaultPort) {
    this.scheme = scheme;
    this.displayName = displayName;
    this.defaultPort = defaultPort;
  }

  public abstract String jdbcUrl(DatabaseUrl url);

  /** A new lock that will open its own dedicated connection to {@code url}. */
  public abstract MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker);

  /** The classpath folder of this kind's Flyway migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + scheme;
  }

  public String scheme() {
    return scheme;
  }

  public String displayName() {
    return displayName;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
