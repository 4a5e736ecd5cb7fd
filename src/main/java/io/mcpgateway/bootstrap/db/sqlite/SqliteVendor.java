package io.mcpgateway.bootstrap.db.sqlite;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.db.MigrationLock;
import io.mcpgateway.bootstrap.db.ServerUrl;
import io.mcpgateway.bootstrap.db.SqlDialect;
import io.mcpgateway.bootstrap.db.Vendor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.core.NativeDB;

/**
 * SQLite, the embedded default: a file next to the gateway, reached through sqlite-jdbc (on a
 * worker, via Vert.x's JDBC client), locked with an OS file lock beside the database file.
 */
public final class SqliteVendor implements Vendor {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String displayName() {
    return "SQLite";
  }

  @Override
  public List<String> schemes() {
    return List.of("sqlite");
  }

  @Override
  public String urlForms() {
    return "sqlite:///relative.db, sqlite:////absolute/path.db (also jdbc:sqlite:path)";
  }

  @Override
  public DatabaseUrl parse(String afterScheme, boolean jdbc) {
    String path;
    if (jdbc) {
      path = afterScheme;                    // jdbc:sqlite:path
    } else if (afterScheme.startsWith("///")) {
      path = afterScheme.substring(3);       // sqlite:///rel.db -> rel.db, sqlite:////abs.db -> /abs.db
    } else {
      throw DatabaseUrl.bad("a SQLite DATABASE_URL needs three slashes (sqlite:///relative.db) or four (sqlite:////absolute.db)");
    }
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file::memory:")) {
      throw DatabaseUrl.bad("an in-memory SQLite database cannot be shared with the gateway; give a file path (sqlite:///./mcp.db)");
    }
    return new DatabaseUrl(this, null, 0, null, null, null, file(ServerUrl.decode(path)), Map.of());
  }

  /** A NUL byte or a lone surrogate (decoded from the URL) makes no file name. */
  private static Path file(String path) {
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw DatabaseUrl.bad("the SQLite path in DATABASE_URL is not a usable file name");
    }
  }

  @Override
  public String jdbcUrl(DatabaseUrl url) {
    return "jdbc:sqlite:" + url.file();
  }

  @Override
  public Future<DedicatedConnection> connect(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return SqliteConnection.open(vertx, url, worker);
  }

  @Override
  public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return new FileMigrationLock(vertx, FileMigrationLock.lockFileOf(url.file()), worker);
  }

  @Override
  public Optional<String> replicaWarning(int replicas) {
    return replicas <= 1 ? Optional.empty() : Optional.of("GATEWAY_REPLICAS is " + replicas + " with SQLite: the migration lock"
        + " (a file lock beside the database) serialises processes on this host that share this file, so replicas sharing"
        + " a volume on one host are safe; on a network filesystem or across hosts they are not: use PostgreSQL");
  }

  /** sqlite-jdbc reports every error as SQLITE_ERROR; only the text tells a missing table. */
  @Override
  public SqlDialect dialect() {
    return SqliteDialect.INSTANCE;
  }

  @Override
  public boolean isMissingTable(Throwable failure) {
    return String.valueOf(failure.getMessage()).contains("no such table");
  }

  @Override
  public void warmUp() {
    try {
      NativeDB.load();
      new SQLiteConfig(); // its connection defaults build sqlite-jdbc's date formats
    } catch (Exception | LinkageError e) {
      // nothing lost: the real path does the same work and reports its failure properly
    }
  }
}
