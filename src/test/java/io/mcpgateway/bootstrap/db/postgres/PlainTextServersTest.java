package io.mcpgateway.bootstrap.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.DelayedPort;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sslmode=prefer (the default) against a server without TLS: the client asks, is told no, and
 * connects again in plain text. The second connection of the process to that server opens one
 * connection, not two. Counted at a forwarding port in front of the real server; on a server that
 * offers TLS every connection is one and the figures are 1 and 1.
 */
@ExtendWith(VertxExtension.class)
class PlainTextServersTest {

  @Test
  void aServerThatRefusedTlsOnceIsNotAskedAgain(Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.postgres();
         DelayedPort counted = DelayedPort.to(database.url().host(), database.url().port())) {
      counted.openIn(Duration.ZERO);
      DatabaseUrl url = DatabaseUrl.parse(database.urlTextAt(counted.port()));
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("plain-text-test");

      int first = opened(vertx, url, worker, counted, 0);
      int second = opened(vertx, url, worker, counted, first);

      assertEquals(1, second, "the first took " + first);
      worker.close();
    }
  }

  /** Opens and closes one connection; how many TCP connections that took. */
  private static int opened(Vertx vertx, DatabaseUrl url, WorkerExecutor worker, DelayedPort counted, int before)
      throws Throwable {
    DedicatedConnection connection = Agents.await(new PostgresVendor().connect(vertx, url, worker));
    Agents.await(connection.close());
    return counted.accepted() - before;
  }
}
