package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.sqlite();
  }

  @Test
  void aFolderWhereTheLockFileGoesIsALockFailureThatNamesTheFix(Vertx vertx) throws Throwable {
    Path lockFile = database.url().file().resolveSibling("mcp.db.migration-lock");
    Files.createDirectories(lockFile);

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.LOCK_FAILED, error.reason(), error.getMessage());
    assertEquals("lock", error.step());
    assertTrue(error.getMessage().contains(lockFile.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("remove whatever is in its place"), error.getMessage());
    Files.delete(lockFile);
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "2")));
    assertEquals("ready", ready.getString("status"), "the same JVM can take the lock again");
  }

  @Test
  void anUnwritableFolderIsABadUrlNotAStepFailure(Vertx vertx) throws Exception {
    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        settings().put("DATABASE_URL", "sqlite:////proc/no-such-dir/mcp.db")));
    assertEquals(Reason.BAD_URL, error.reason(), error.getMessage());
  }

  @Test
  void replicasOnSqliteGetOneWarningAboutWhereTheLockHolds(Vertx vertx) throws Throwable {
    try (LogCapture logs = new LogCapture()) {
      Agents.await(Agents.bootstrap(vertx, settings().put("GATEWAY_REPLICAS", "3")));
      Agents.await(Agents.bootstrap(vertx, settings()));

      List<String> warnings = logs.lines().stream().filter(line -> line.startsWith("GATEWAY_REPLICAS is 3 with SQLite")).toList();
      assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
      assertTrue(warnings.get(0).contains("processes on this host that share this file"), warnings.get(0));
      assertTrue(warnings.get(0).contains("network filesystem"), warnings.get(0));
    }
  }
}
