package io.mcpgateway.bootstrap;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Supplier;

/** Runs work in one transaction on a given connection: commit on success, roll back on failure. */
final class Transactions {

  private Transactions() {
  }

  static <T> Future<T> inTransaction(SqlConnection connection, Supplier<Future<T>> work) {
    return connection.begin().compose(tx -> work.get().compose(
        result -> tx.commit().map(result),
        failure -> tx.rollback().transform(rolledBack -> Future.<T>failedFuture(failure))));
  }
}
