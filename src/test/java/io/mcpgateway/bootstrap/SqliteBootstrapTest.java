package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SqliteBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.sqlite();
  }

  @Test
  void aFailedFileLockDoesNotKeepTheLockTaken(Vertx vertx) throws Throwable {
    java.nio.file.Path lockFile = database.url().file().resolveSibling("mcp.db.migration-lock");
    java.nio.file.Files.createDirectories(lockFile); // a folder where the lock file should be

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));
    assertNotEquals(BootstrapException.Reason.LOCK_TIMEOUT, error.reason(), error.getMessage());

    java.nio.file.Files.delete(lockFile);
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "2")));
    assertEquals("ready", ready.getString("status"), "the same JVM can take the lock again");
  }

  @Test
  void anUnwritableFolderIsABadUrlNotAStepFailure(Vertx vertx) throws Exception {
    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        settings().put("DATABASE_URL", "sqlite:////proc/no-such-dir/mcp.db")));
    assertEquals(BootstrapException.Reason.BAD_URL, error.reason(), error.getMessage());
  }
}
