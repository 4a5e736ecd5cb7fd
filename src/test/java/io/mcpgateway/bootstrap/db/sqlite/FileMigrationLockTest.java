package io.mcpgateway.bootstrap.db.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.LockWait;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The file lock's release on a real file, when the operating system reports the close as failed. */
@ExtendWith(VertxExtension.class)
class FileMigrationLockTest {

  @TempDir
  Path folder;
  WorkerExecutor worker;
  DedicatedConnection connection;
  FileMigrationLock lock;

  @BeforeEach
  void open(Vertx vertx) throws Throwable {
    worker = vertx.createSharedWorkerExecutor("lock-test");
    DatabaseUrl url = DatabaseUrl.parse("sqlite:///" + folder.resolve("mcp.db"));
    connection = Agents.await(SqliteConnection.open(vertx, url, worker));
    lock = new FileMigrationLock(vertx, FileMigrationLock.lockFileOf(url.file()), worker,
        file -> new CloseFailingChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)));
  }

  @AfterEach
  void close() throws Throwable {
    Agents.await(connection.close());
    worker.close();
  }

  @Test
  void aReleaseTheSystemReportsAsFailedFailsAnOtherwiseGoodRun() throws Exception {
    BootstrapException error = (BootstrapException) Agents.failureOf(
        lock.withLock(connection.connection(), Duration.ofSeconds(5), LockWait.forTheLock(), locked -> Future.succeededFuture("done")));

    assertEquals(Reason.LOCK_RELEASE_FAILED, error.reason());
    assertTrue(error.getMessage().contains("Input/output error"), error.getMessage());
  }

  @Test
  void afterAFailedRunTheReleaseFailureIsLoggedAndTheRunsOwnFailureReported() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      Throwable error = Agents.failureOf(lock.withLock(connection.connection(), Duration.ofSeconds(5), LockWait.forTheLock(),
          locked -> Future.failedFuture(new IllegalStateException("the work failed"))));

      assertEquals("the work failed", error.getMessage());
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Releasing the migration lock failed")
          && line.contains("Input/output error")), String.join("\n", logs.lines()));
    }
  }
}
