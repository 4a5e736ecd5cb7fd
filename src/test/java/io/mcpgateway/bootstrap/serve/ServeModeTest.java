package io.mcpgateway.bootstrap.serve;

import static io.mcpgateway.bootstrap.support.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Http;
import io.mcpgateway.bootstrap.support.PrometheusText;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.mcpgateway.bootstrap.support.Tools;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serve mode over real HTTP: the scrape, the health endpoints, and a failed bootstrap. */
class ServeModeTest {

  static final List<String> STEPS = List.of("connect", "lock", "schema", "normalize", "admin", "roles", "orphans", "total");

  TestDatabase database;
  ServeMode serve;
  String base;

  @BeforeEach
  void start() throws Throwable {
    database = TestDatabases.sqlite();
    serve = ServeMode.create();
    base = "http://127.0.0.1:" + Agents.await(serve.startEndpoints(0)).actualPort();
  }

  @AfterEach
  void stop() throws Throwable {
    Agents.await(serve.close());
    database.close();
  }

  @Test
  void scrapeShowsEveryStepTimerAndTheReadyGaugeAndASecondRunAddsNoRows() throws Throwable {
    Agents.await(serve.deployAgent(Agents.settings(database)));
    Agents.await(serve.deployAgent(Agents.settings(database)));
    Map<String, Double> series = scrape();

    for (String step : STEPS) {
      // The second run finds nothing to do with reads only: it never takes the lock.
      double runs = step.equals("lock") ? 1.0 : 2.0;
      assertEquals(runs, value(series, "db_bootstrap_step_seconds_count{kind=\"sqlite\",outcome=\"success\",step=\"" + step + "\"}"), step);
    }
    assertEquals(1.0, value(series, "db_bootstrap_ready{kind=\"sqlite\"}"));
    assertEquals(3.0, value(series, "db_bootstrap_rows_changed_total{kind=\"sqlite\",step=\"admin\"}"), "only the first run adds rows");
    assertEquals(5.0, value(series, "db_bootstrap_rows_changed_total{kind=\"sqlite\",step=\"roles\"}"));
    assertTrue(series.keySet().stream().anyMatch(name -> name.startsWith("vertx_")), "Vert.x's own metrics are wired in");
  }

  @Test
  void timersAndCountersCarryTheStepResultsOfAFreshBootstrap() throws Throwable {
    Future<JsonObject> event = Agents.readyEvent(serve.vertx());
    Agents.await(serve.deployAgent(Agents.settings(database)));
    JsonObject ready = Agents.await(event);
    Map<String, Double> series = scrape();

    assertEquals(3.0, value(series, "db_bootstrap_rows_changed_total{kind=\"sqlite\",step=\"admin\"}"));
    assertEquals(5.0, value(series, "db_bootstrap_rows_changed_total{kind=\"sqlite\",step=\"roles\"}"));
    assertEquals(0.0, value(series, "db_bootstrap_rows_changed_total{kind=\"sqlite\",step=\"orphans\"}"));
    for (String step : List.of("lock", "schema", "admin", "roles")) {
      double seconds = value(series, "db_bootstrap_step_seconds_sum{kind=\"sqlite\",outcome=\"success\",step=\"" + step + "\"}");
      assertEquals(ready.getJsonObject("stepMillis").getLong(step) / 1000.0, seconds, 1e-9, "timer of " + step + " is the event's figure");
    }
    assertEquals(ready.getLong("totalMillis") / 1000.0,
        value(series, "db_bootstrap_step_seconds_sum{kind=\"sqlite\",outcome=\"success\",step=\"total\"}"), 1e-9);
  }

  @Test
  void expositionPassesPromtool() throws Throwable {
    String promtool = Tools.require("promtool", "apt-get install prometheus; .ci/run does");
    Agents.await(serve.deployAgent(Agents.settings(database)));
    String exposition = Http.get(base + "/metrics").body();

    Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = check.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, check.exitValue(), output);
  }

  /** A client that offers the cleartext upgrade to HTTP/2 (Java's does, unasked) gets a plain HTTP/1.1 answer. */
  @Test
  void theEndpointsSpeakHttp11Only() throws Exception {
    HttpResponse<String> live = Http.get(base + "/health/live");

    assertEquals(200, live.statusCode());
    assertEquals(HttpClient.Version.HTTP_1_1, live.version());
  }

  @Test
  void readyIs503WhileWaitingForTheLockThen200() throws Throwable {
    Future<String> agent;
    try (AutoCloseable held = database.holdMigrationLock()) {
      agent = serve.deployAgent(Agents.settings(database));
      assertEquals(200, Http.get(base + "/health/live").statusCode());
      HttpResponse<String> pending = Http.get(base + "/health/ready");
      assertEquals(503, pending.statusCode());
      assertEquals("pending", new JsonObject(pending.body()).getString("status"));
      awaitSeries("db_bootstrap_lock_waiting_seconds_count{kind=\"sqlite\"}", 1.0);
      assertEquals(0.0, value(scrape(), "db_bootstrap_ready{kind=\"sqlite\"}"));
    }
    Agents.await(agent);

    HttpResponse<String> ready = Http.awaitStatus(base + "/health/ready", 200, Duration.ofSeconds(20));
    assertEquals("ready", new JsonObject(ready.body()).getString("status"));
    assertEquals(0.0, value(scrape(), "db_bootstrap_lock_waiting_seconds_count{kind=\"sqlite\"}"), "no longer waiting");
  }

  @Test
  void aShutdownAnswers503StoppingAtOnceAndStopsTheWaitingAgent() throws Throwable {
    try (AutoCloseable held = database.holdMigrationLock()) {
      Future<String> agent = serve.deployAgent(Agents.settings(database));
      awaitSeries("db_bootstrap_lock_waiting_seconds_count{kind=\"sqlite\"}", 1.0);

      Future<Void> shutdown = serve.shutdown();
      HttpResponse<String> stopping = Http.get(base + "/health/ready");

      assertEquals(503, stopping.statusCode());
      assertEquals("stopping", new JsonObject(stopping.body()).getString("status"));
      BootstrapException error = (BootstrapException) Agents.failureOf(agent);
      assertEquals(Reason.STOPPED, error.reason());
      Agents.await(shutdown);
    }
  }

  @Test
  void failedBootstrapShows503MinusOneAndTheFailedStep() throws Throwable {
    new Sql(database).update("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY)");

    Agents.failureOf(serve.deployAgent(Agents.settings(database)));

    HttpResponse<String> ready = Http.get(base + "/health/ready");
    assertEquals(503, ready.statusCode());
    JsonObject body = new JsonObject(ready.body());
    assertEquals("failed", body.getString("status"));
    assertEquals("UNKNOWN_SCHEMA", body.getString("reason"));
    Map<String, Double> series = scrape();
    assertEquals(-1.0, value(series, "db_bootstrap_ready{kind=\"sqlite\"}"));
    assertEquals(1.0, value(series, "db_bootstrap_step_seconds_count{kind=\"sqlite\",outcome=\"failure\",step=\"schema\"}"));
    assertEquals(1.0, value(series, "db_bootstrap_step_seconds_count{kind=\"sqlite\",outcome=\"failure\",step=\"total\"}"));
    assertEquals(200, Http.get(base + "/health/live").statusCode(), "the process stays up to be seen");
  }

  private Map<String, Double> scrape() throws Exception {
    HttpResponse<String> response = Http.get(base + "/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    return PrometheusText.parse(response.body());
  }

  private void awaitSeries(String name, double wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Double.valueOf(wanted).equals(scrape().get(name)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(wanted, value(scrape(), name));
  }
}
