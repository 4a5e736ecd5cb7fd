package io.mcpgateway.bootstrap.pipeline;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Supplier;

/**
 * Runs work in one transaction on a given connection: commit on success, roll back on failure,
 * including work that throws instead of returning a failed future.
 */
final class Transactions {

  private Transactions() {
  }

  static <T> Future<T> inTransaction(SqlConnection connection, Supplier<Future<T>> work) {
    return connection.begin().compose(tx -> Futures.started(work).compose(
        result -> tx.commit().map(result),
        failure -> tx.rollback().transform(rolledBack -> Future.<T>failedFuture(failure))));
  }
}
