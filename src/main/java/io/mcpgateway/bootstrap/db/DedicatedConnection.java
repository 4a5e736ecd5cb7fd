package io.mcpgateway.bootstrap.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Supplier;

/**
 * The run's one connection, which holds the migration lock, and how to close it together with
 * whatever it needed (SQLite's connection lives in a pool of one that must close too).
 */
public record DedicatedConnection(SqlConnection connection, Supplier<Future<Void>> closer) {

  /** A plain client connection: closing it is all there is. */
  public static DedicatedConnection of(SqlConnection connection) {
    return new DedicatedConnection(connection, connection::close);
  }

  public Future<Void> close() {
    return closer.get();
  }
}
