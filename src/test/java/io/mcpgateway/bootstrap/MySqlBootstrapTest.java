package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.mysql();
  }

  @Test
  void rejectedLoginFailsWithAuthAndNeverShowsThePassword(Vertx vertx) throws Exception {
    assertRejectedLoginKeepsThePasswordSecret(vertx);
  }

  /** GET_LOCK answers NULL when its wait is killed: that is a failure of its own, not a timeout. */
  @Test
  void aKilledLockWaitIsALockFailureNotATimeout(Vertx vertx) throws Throwable {
    try (AutoCloseable held = database.holdMigrationLock()) {
      Future<String> agent = Agents.deploy(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "60"));
      long waiter = awaitLockWaiter(Duration.ofSeconds(20));
      sql.update("KILL QUERY " + waiter);

      BootstrapException error = (BootstrapException) Agents.failureOf(agent);

      assertEquals(Reason.LOCK_FAILED, error.reason(), error.getMessage());
      assertEquals("lock", error.step());
      assertTrue(error.getMessage().contains("GET_LOCK returned NULL"), error.getMessage());
    }
  }

  /** The connection id of the session waiting in GET_LOCK for the migration lock. */
  private long awaitLockWaiter(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> waiting = sql.rows("SELECT id FROM information_schema.processlist"
          + " WHERE state = 'User lock' AND info LIKE 'SELECT GET_LOCK%'");
      if (!waiting.isEmpty()) {
        return ((Number) waiting.get(0).get("id")).longValue();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no session waited for the lock within " + timeout);
  }
}
