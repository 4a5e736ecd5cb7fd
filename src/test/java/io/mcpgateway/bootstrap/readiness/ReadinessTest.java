package io.mcpgateway.bootstrap.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.FreshSqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The readiness contract on the event bus: db.status, the await helper, and the shared body shape. */
@ExtendWith(VertxExtension.class)
class ReadinessTest extends FreshSqliteDatabase {


  @Test
  void statusAnswersPendingWhileWaitingThenReady(Vertx vertx) throws Throwable {
    Future<String> agent;
    try (AutoCloseable held = database.holdMigrationLock()) {
      agent = Agents.deploy(vertx, Agents.settings(database));
      JsonObject pending = awaitStatus(vertx, "pending");
      assertEquals("sqlite", pending.getString("kind"));
      assertFalse(agent.isComplete(), "the agent waits for the lock");
    }
    Agents.await(agent);

    JsonObject ready = status(vertx);
    assertEquals("ready", ready.getString("status"));
    assertEquals("3", ready.getString("schemaVersion"));
    assertEquals(3L, ready.getJsonObject("rowsChanged").getLong("admin"));
  }

  @Test
  void awaitCompletesAtOnceWhenAlreadyReady(Vertx vertx) throws Throwable {
    JsonObject published = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));

    JsonObject awaited = Agents.await(DbReadiness.await(vertx, Duration.ofSeconds(5)));

    assertEquals(published, awaited);
  }

  @Test
  void awaitCalledBeforeTheAgentCompletesOnTheNextReady(Vertx vertx) throws Throwable {
    Future<JsonObject> awaiting = DbReadiness.await(vertx);
    Thread.sleep(200);
    assertFalse(awaiting.isComplete(), "nothing is ready before an agent ran");

    Agents.await(Agents.deploy(vertx, Agents.settings(database)));

    assertEquals("ready", Agents.await(awaiting).getString("status"));
  }

  @Test
  void awaitFailsOnDbFailedAndKeepsFailingAfterTheAgentIsGone(Vertx vertx) throws Throwable {
    new Sql(database).update("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY)");
    Future<JsonObject> before = DbReadiness.await(vertx);

    Agents.failureOf(Agents.deploy(vertx, Agents.settings(database)));

    DatabaseNotReadyException during = assertInstanceOf(DatabaseNotReadyException.class, Agents.failureOf(before));
    assertEquals("UNKNOWN_SCHEMA", during.state().getString("reason"));
    assertEquals("schema", during.state().getString("step"));
    DatabaseNotReadyException after = assertInstanceOf(DatabaseNotReadyException.class,
        Agents.failureOf(DbReadiness.await(vertx, Duration.ofSeconds(5))));
    assertEquals("failed", after.state().getString("status"));
  }

  @Test
  void awaitWithATimeoutFailsWhileStillPending(Vertx vertx) throws Exception {
    DatabaseNotReadyException timedOut = assertInstanceOf(DatabaseNotReadyException.class,
        Agents.failureOf(DbReadiness.await(vertx, Duration.ofMillis(200))));
    assertTrue(timedOut.getMessage().contains("not ready"), timedOut.getMessage());
  }

  @Test
  void readyAndFailedBodiesShareOneShape(Vertx vertx) throws Throwable {
    Promise<JsonObject> failedEvent = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(ReadinessEvents.FAILED, m -> failedEvent.tryComplete(m.body()));
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));
    try (AutoCloseable held = database.holdMigrationLock()) {
      // Another admin gives the second run work, so it needs the lock (a ready database would not).
      Agents.failureOf(Agents.deploy(vertx, Agents.settings(database).put("MIGRATION_LOCK_TIMEOUT", "0.2")
          .put("PLATFORM_ADMIN_EMAIL", "second@example.com")));
    }
    JsonObject failed = Agents.await(failedEvent.future());

    Set<String> shared = Set.of("status", "kind", "schemaVersion", "totalMillis", "stepMillis", "rowsChanged");
    assertTrue(ready.fieldNames().containsAll(shared), ready.encode());
    assertTrue(failed.fieldNames().containsAll(shared), failed.encode());
    assertEquals(Set.of("step", "reason", "message"), diff(failed.fieldNames(), ready.fieldNames()));
    assertEquals("lock", failed.getString("step"));
    assertTrue(failed.getJsonObject("stepMillis").getLong("lock") >= 150, failed.encode());
  }

  private static Set<String> diff(Set<String> a, Set<String> b) {
    return a.stream().filter(name -> !b.contains(name)).collect(java.util.stream.Collectors.toSet());
  }

  private static JsonObject status(Vertx vertx) throws Throwable {
    return Agents.await(vertx.eventBus().<JsonObject>request(ReadinessEvents.STATUS, null).map(m -> m.body()));
  }

  private static JsonObject awaitStatus(Vertx vertx, String wanted) throws Throwable {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        JsonObject state = status(vertx);
        if (wanted.equals(state.getString("status")) || System.nanoTime() > deadline) {
          return state;
        }
      } catch (io.vertx.core.eventbus.ReplyException notYetDeployed) {
        // the agent registers db.status as it starts
      }
      Thread.sleep(20);
    }
  }
}
