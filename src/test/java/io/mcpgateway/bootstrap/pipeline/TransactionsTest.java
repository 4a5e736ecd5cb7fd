package io.mcpgateway.bootstrap.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Work that throws instead of failing its future still rolls back and closes its transaction. */
@ExtendWith(VertxExtension.class)
class TransactionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void workThatThrowsRollsBackAndLeavesNoTransactionOpen(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      new Sql(database).update("CREATE TABLE notes (id VARCHAR(10) PRIMARY KEY)");
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("tx-test");
      DedicatedConnection opened = Agents.await(database.url().vendor().connect(vertx, database.url(), worker));
      SqlConnection connection = opened.connection();
      try {
        Throwable failure = Agents.failureOf(Transactions.inTransaction(connection, () -> {
          connection.query("INSERT INTO notes (id) VALUES ('half')").execute();
          throw new IllegalStateException("thrown, not returned");
        }));

        assertEquals("thrown, not returned", failure.getMessage());
        assertNull(connection.transaction(), "no transaction left open on the connection");
        Integer inserted = Agents.await(Transactions.inTransaction(connection,
            () -> connection.query("INSERT INTO notes (id) VALUES ('next')").execute().map(done -> done.rowCount())));
        assertEquals(1, inserted, "the connection takes a new transaction");
        assertEquals(0, new Sql(database).count("SELECT COUNT(*) FROM notes WHERE id = 'half'"));
        assertEquals(1, new Sql(database).count("SELECT COUNT(*) FROM notes WHERE id = 'next'"));
      } finally {
        Agents.await(opened.close());
        worker.close();
      }
    }
  }

}
