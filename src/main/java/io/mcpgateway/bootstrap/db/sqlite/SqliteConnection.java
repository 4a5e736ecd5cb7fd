package io.mcpgateway.bootstrap.db.sqlite;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import org.sqlite.SQLiteDataSource;

/**
 * The run's SQLite connection: a pool of one over sqlite-jdbc's own DataSource (no pool library and
 * no DriverManager, whose first use loads and initializes every JDBC driver on the class path). The
 * database's folder is created first, as the reference's engine does on first use. All of it runs
 * on a worker: making the pool scans the class path for the JDBC client's codecs.
 */
final class SqliteConnection {

  /** Vert.x's default worker pool size: the JDBC client runs each statement there. */
  private static final int JDBC_CLIENT_THREADS = 20;

  private SqliteConnection() {
  }

  static Future<DedicatedConnection> open(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return worker.executeBlocking(() -> {
      Files.createDirectories(url.file().toAbsolutePath().getParent());
      SQLiteDataSource dataSource = new SQLiteDataSource();
      dataSource.setUrl(url.jdbcUrl());
      startStatementThreads(vertx);
      return JDBCPool.pool(vertx, dataSource, new PoolOptions().setMaxSize(1));
    }, false)
        .recover(failure -> Future.failedFuture(cannotOpen(url, failure)))
        .compose(pool -> pool.getConnection()
            .map(connection -> new DedicatedConnection(connection, () -> connection.close().eventually(pool::close)))
            .recover(failure -> pool.close().transform(closed -> Future.failedFuture(cannotOpen(url, failure)))));
  }

  /**
   * The JDBC client hands each statement to Vert.x's worker pool, whose threads start on first
   * use; started from here, a thread start (which waits for the new thread to be scheduled) never
   * lands on the event loop.
   */
  private static void startStatementThreads(Vertx vertx) {
    for (int i = 0; i < JDBC_CLIENT_THREADS; i++) {
      vertx.executeBlocking(() -> null, false);
    }
  }

  private static BootstrapException cannotOpen(DatabaseUrl url, Throwable failure) {
    return new BootstrapException(Reason.BAD_URL, "cannot open the SQLite database " + url.file() + ": " + failure.getMessage()
        + "; check the path in DATABASE_URL and that the folder is writable", failure);
  }
}
