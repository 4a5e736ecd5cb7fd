package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.DelayedPort;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database container comes up after the agent: the agent tries again (DB_MAX_RETRIES,
 * DB_RETRY_INTERVAL_MS), one line per attempt, and goes on once the real server answers; a
 * rejected login is final at once.
 */
@ExtendWith(VertxExtension.class)
class ConnectRetryTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void aServerThatComesUpLateIsWaitedForAttemptByAttempt(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor); LogCapture logs = new LogCapture();
         DelayedPort late = DelayedPort.to(database.url().host(), database.url().port())) {
      late.openIn(Duration.ofMillis(1500));
      JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings(database, late.port())
          .put("DB_MAX_RETRIES", "20").put("DB_RETRY_INTERVAL_MS", "300")));

      assertEquals("ready", ready.getString("status"));
      List<String> attempts = logs.lines().stream().filter(line -> line.contains("attempt ") && line.contains(" of 21, next in"))
          .toList();
      assertTrue(attempts.size() >= 2, String.join("\n", logs.lines()));
      assertTrue(attempts.get(0).startsWith("cannot reach ") && attempts.get(0).contains("attempt 1 of 21"), attempts.get(0));
      assertTrue(attempts.get(1).contains("attempt 2 of 21"), attempts.get(1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void theLastAttemptFailsAsUnreachable(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor); LogCapture logs = new LogCapture();
         DelayedPort never = DelayedPort.to(database.url().host(), database.url().port())) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings(database, never.port())
          .put("DB_MAX_RETRIES", "2").put("DB_RETRY_INTERVAL_MS", "100")));

      assertEquals(Reason.UNREACHABLE, error.reason());
      assertEquals(2, logs.lines().stream().filter(line -> line.contains(" of 3, next in")).count(), String.join("\n", logs.lines()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void aRejectedLoginIsNotRetried(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor); LogCapture logs = new LogCapture()) {
      DatabaseUrl url = database.url();
      String wrongUser = vendor + "://no_such_user:x@" + url.hostAndPort() + "/" + url.database();
      long started = System.nanoTime();
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, Agents.settings(database)
          .put("DATABASE_URL", wrongUser).put("DB_RETRY_INTERVAL_MS", "2000")));

      assertEquals(Reason.AUTH, error.reason());
      assertTrue((System.nanoTime() - started) / 1_000_000 < 1500, "failed at once");
      assertTrue(logs.lines().stream().noneMatch(line -> line.contains("next in")), String.join("\n", logs.lines()));
    }
  }

  private static JsonObject settings(TestDatabase database, int port) {
    return Agents.settings(database).put("DATABASE_URL", database.urlTextAt(port));
  }
}
