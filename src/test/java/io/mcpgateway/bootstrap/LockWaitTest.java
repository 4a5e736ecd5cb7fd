package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabase.HeldLock;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.mcpgateway.bootstrap.support.WidgetStep;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replica waiting for the migration lock, on every database: it names the holder (one that is not
 * an agent too), says so again while it waits, finishes without the lock once the holder left
 * nothing to do, and stops at once when told to.
 */
@ExtendWith(VertxExtension.class)
class LockWaitTest {

  private static final String REPORT_EVERY = "db.bootstrap.lockReportMillis";

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aWaiterNamesTheHolderAtOnceAgainWhileItWaitsAndInItsTimeout(String vendor, Vertx vertx) throws Throwable {
    System.setProperty(REPORT_EVERY, "300");
    try (TestDatabase database = TestDatabases.of(vendor); HeldLock held = database.holdMigrationLock();
         LogCapture logs = new LogCapture()) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
          Agents.settings(database).put("MIGRATION_LOCK_TIMEOUT", "1.2")));

      assertEquals(Reason.LOCK_TIMEOUT, error.reason());
      assertTrue(error.getMessage().contains("held by " + held.holderMark()), error.getMessage() + " / " + held.holderMark());
      assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("Migration lock is held by " + held.holderMark())),
          String.join("\n", logs.lines()));
      assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("Still waiting for the migration lock behind "
          + held.holderMark())), String.join("\n", logs.lines()));
    } finally {
      System.clearProperty(REPORT_EVERY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aReplicaQueuedBehindAnotherFinishesWithoutTheLockOnceNothingIsLeft(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor); LogCapture logs = new LogCapture()) {
      // The first replica: the widget the second needs, then a long step of its own under the lock.
      WidgetStep needed = new WidgetStep("w-needed", Duration.ofMillis(600));
      Future<JsonObject> first = Agents.bootstrap(vertx, gateway(needed, new WidgetStep("w-tail", Duration.ofMillis(2000))),
          settings(database));
      Agents.await(needed.started()); // it holds the lock, and the widget is not written yet

      Vertx otherPod = Vertx.vertx(); // its own event bus: each hears its own db.ready
      JsonObject second;
      try {
        second = Agents.await(Agents.bootstrap(otherPod, gateway(new WidgetStep("w-needed", Duration.ZERO)), settings(database)));
      } finally {
        Agents.await(otherPod.close());
      }

      assertFalse(second.getBoolean("lockTaken"), second.encode());
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("done without the migration lock")),
          String.join("\n", logs.lines()));
      assertFalse(first.isComplete(), "the second finished while the first still held the lock");
      assertTrue(Agents.await(first).getBoolean("lockTaken"));
      assertEquals(2, new Sql(database).count("SELECT COUNT(*) FROM widgets"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aStopWhileWaitingEndsTheWaitAtOnceAndChangesNothing(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor); HeldLock held = database.holdMigrationLock();
         LogCapture logs = new LogCapture()) {
      BootstrapVerticle agent = new BootstrapVerticle();
      Future<String> deployed = Agents.deploy(vertx, agent, Agents.settings(database));
      awaitLine(logs, line -> line.startsWith("Migration lock is held by"));

      long asked = System.nanoTime();
      agent.requestStop();
      BootstrapException error = (BootstrapException) Agents.failureOf(deployed);
      long millis = (System.nanoTime() - asked) / 1_000_000;

      assertEquals(Reason.STOPPED, error.reason());
      assertEquals("lock", error.step());
      assertTrue(millis < 2000, "stopped after " + millis + " ms");
      assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("Bootstrap stopped at step lock")),
          String.join("\n", logs.lines()));
      assertEquals(0, new Sql(database).count(historyTables(database)), "no schema history was created");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aStopUnderTheLockFinishesTheStepInProgressThenReleasesTheLock(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      WidgetStep slow = new WidgetStep("w-slow", Duration.ofMillis(800));
      BootstrapVerticle agent = gateway(slow, new WidgetStep("w-after", Duration.ZERO));
      Future<String> deployed = Agents.deploy(vertx, agent, settings(database));
      Agents.await(slow.started());

      agent.requestStop();
      BootstrapException error = (BootstrapException) Agents.failureOf(deployed);

      assertEquals(Reason.STOPPED, error.reason());
      Sql sql = new Sql(database);
      assertEquals(1, sql.count("SELECT COUNT(*) FROM widgets WHERE id = ?", "w-slow"), "the step in progress finished");
      assertEquals(0, sql.count("SELECT COUNT(*) FROM widgets WHERE id = ?", "w-after"), "no step began after the stop");
      JsonObject next = Agents.await(Agents.bootstrap(vertx, gateway(new WidgetStep("w-slow", Duration.ZERO),
          new WidgetStep("w-after", Duration.ZERO)), settings(database).put("MIGRATION_LOCK_TIMEOUT", "2")));
      assertTrue(next.getBoolean("lockTaken"), "the lock was released: " + next.encode());
      assertEquals(1, sql.count("SELECT COUNT(*) FROM widgets WHERE id = ?", "w-after"));
    }
  }

  private static BootstrapVerticle gateway(WidgetStep... steps) {
    BootstrapVerticle.Builder builder = BootstrapVerticle.builder().migrations(MigrationSource.BUNDLED_LOCATION, WidgetStep.LOCATION);
    for (WidgetStep step : steps) {
      builder.step(step);
    }
    return builder.build();
  }

  private static JsonObject settings(TestDatabase database) {
    return Agents.settings(database);
  }

  /** Counts the history tables: 0 while nothing was migrated. */
  private static String historyTables(TestDatabase database) {
    return switch (database.url().vendor().name()) {
      case "sqlite" -> "SELECT COUNT(*) FROM sqlite_master WHERE name = '" + MigrationSource.HISTORY_TABLE + "'";
      case "mysql" -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '"
          + MigrationSource.HISTORY_TABLE + "'";
      default -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_catalog = current_database() AND table_name = '"
          + MigrationSource.HISTORY_TABLE + "'";
    };
  }

  private static void awaitLine(LogCapture logs, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (logs.lines().stream().noneMatch(wanted)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such line in: " + String.join("\n", logs.lines()));
      }
      Thread.sleep(20);
    }
  }
}
