package io.mcpgateway.bootstrap.cli;

import static io.mcpgateway.bootstrap.support.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.PrometheusText;
import io.mcpgateway.bootstrap.support.PushgatewayServer;
import io.mcpgateway.bootstrap.support.SilentPort;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot runs with {@code PUSHGATEWAY_URL}, against Debian's real Pushgateway started by the test:
 * what a run pushed is read back from the Pushgateway's own {@code /metrics}, as Prometheus would
 * scrape it. A Pushgateway that is down or hangs costs at most the timeout and never the run.
 */
class PushgatewayTest {

  private static final List<String> STEPS = List.of("connect", "lock", "schema", "normalize", "admin", "roles", "orphans", "total");
  private static final String PUSH_LOGGER = "io.mcpgateway.bootstrap.metrics.PushgatewayPush";

  @TempDir
  Path folder;
  Path config;

  @BeforeEach
  void emptyConfigFile() throws Exception {
    config = Files.writeString(folder.resolve("bootstrap.json"), "{}"); // not the checkout's conf/bootstrap.json
  }

  @Test
  void aSuccessfulRunPushesEveryStepTimerTheRowCountersAndReadiness() throws Exception {
    try (PushgatewayServer pushgateway = PushgatewayServer.start(folder); LogCapture logs = new LogCapture()) {
      int code = run(sqlite(), Map.of("PUSHGATEWAY_URL", pushgateway.url(), "PUSHGATEWAY_INSTANCE", "jobs/migrate 1"));

      assertEquals(0, code);
      Map<String, Double> pushed = PrometheusText.parse(pushgateway.scrape());
      Map<String, String> group = Map.of("job", "db-bootstrap-agent", "instance", "jobs/migrate 1", "kind", "sqlite");
      for (String step : STEPS) {
        assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", step, "outcome", "success")), step);
      }
      assertEquals(3.0, value(pushed, "db_bootstrap_rows_changed_total", with(group, "step", "admin")));
      assertEquals(5.0, value(pushed, "db_bootstrap_rows_changed_total", with(group, "step", "roles")));
      assertEquals(1.0, value(pushed, "db_bootstrap_ready", group));
      assertEquals(1, pushLines(logs, Level.INFO).size(), logs.lines().toString());
      assertTrue(pushLines(logs, Level.INFO).get(0).matches(
          "Metrics pushed to the Pushgateway at http://127\\.0\\.0\\.1:\\d+ \\(job db-bootstrap-agent, instance jobs/migrate 1\\) in \\d+ ms"),
          pushLines(logs, Level.INFO).get(0));
    }
  }

  @Test
  void aSecondRunReplacesTheGroupInsteadOfAddingToIt() throws Exception {
    try (PushgatewayServer pushgateway = PushgatewayServer.start(folder)) {
      Map<String, String> env = Map.of("PUSHGATEWAY_URL", pushgateway.url(), "HOSTNAME", "migrate-7xk2p");
      assertEquals(0, run(sqlite(), env));
      assertEquals(0, run(sqlite(), env));

      Map<String, Double> pushed = PrometheusText.parse(pushgateway.scrape());
      Map<String, String> group = Map.of("job", "db-bootstrap-agent", "instance", "migrate-7xk2p", "kind", "sqlite");
      assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", "total", "outcome", "success")));
      assertEquals(0.0, value(pushed, "db_bootstrap_rows_changed_total", with(group, "step", "admin")), "the second run's own figure");
      List<String> lockTimers = pushed.keySet().stream().filter(series -> series.contains("step=\"lock\"")).toList();
      assertEquals(List.of(), lockTimers, "the second run had nothing to do and took no lock; the first run's lock timer went with its push");
    }
  }

  @Test
  void aFailedMigrationIsPushedWithReadinessFailedAndTheRunKeepsItsExitCode() throws Exception {
    Path broken = Files.createDirectories(folder.resolve("sql").resolve("sqlite"));
    Files.writeString(broken.resolve("V4__broken.sql"), "THIS IS NOT SQL;\n");
    try (PushgatewayServer pushgateway = PushgatewayServer.start(folder)) {
      int code = run(sqlite(), Map.of("PUSHGATEWAY_URL", pushgateway.url(), "PUSHGATEWAY_INSTANCE", "migrate-1",
          "MIGRATION_LOCATIONS", "classpath:db/migration/{vendor},filesystem:" + folder.resolve("sql") + "/{vendor}"));

      assertEquals(7, code, "MIGRATION_FAILED, as without a Pushgateway");
      Map<String, Double> pushed = PrometheusText.parse(pushgateway.scrape());
      Map<String, String> group = Map.of("job", "db-bootstrap-agent", "instance", "migrate-1", "kind", "sqlite");
      assertEquals(-1.0, value(pushed, "db_bootstrap_ready", group), "-1: failed");
      assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", "schema", "outcome", "failure")));
      assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", "total", "outcome", "failure")));
    }
  }

  @Test
  void aRejectedLoginOnPostgresIsPushedAndItsPasswordIsNowhere() throws Exception {
    DatabaseUrl server = TestDatabases.postgresServer();
    try (PushgatewayServer pushgateway = PushgatewayServer.start(folder); LogCapture logs = new LogCapture()) {
      int code = run("postgresql://no_such_role:wr0ng-Passw0rd@" + server.hostAndPort() + "/postgres",
          Map.of("PUSHGATEWAY_URL", pushgateway.url(), "PUSHGATEWAY_INSTANCE", "migrate-pg", "DB_MAX_RETRIES", "0"));

      assertEquals(4, code, "AUTH");
      Map<String, Double> pushed = PrometheusText.parse(pushgateway.scrape());
      Map<String, String> group = Map.of("job", "db-bootstrap-agent", "instance", "migrate-pg", "kind", "postgresql");
      assertEquals(-1.0, value(pushed, "db_bootstrap_ready", group));
      assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", "total", "outcome", "failure")));
      assertFalse(String.join("\n", logs.lines()).contains("wr0ng-Passw0rd"), String.join("\n", logs.lines()));
    }
  }

  @Test
  void aSuccessfulRunOnPostgresPushesEveryStepTimer() throws Exception {
    try (TestDatabase database = TestDatabases.postgres(); PushgatewayServer pushgateway = PushgatewayServer.start(folder)) {
      int code = run(database.urlText(), Map.of("PUSHGATEWAY_URL", pushgateway.url(), "PUSHGATEWAY_INSTANCE", "migrate-pg"));

      assertEquals(0, code);
      Map<String, Double> pushed = PrometheusText.parse(pushgateway.scrape());
      Map<String, String> group = Map.of("job", "db-bootstrap-agent", "instance", "migrate-pg", "kind", "postgresql");
      for (String step : STEPS) {
        assertEquals(1.0, value(pushed, "db_bootstrap_step_seconds_count", with(group, "step", step, "outcome", "success")), step);
      }
      assertEquals(1.0, value(pushed, "db_bootstrap_ready", group));
    }
  }

  @Test
  void aPushgatewayThatIsDownCostsOneWarningAndNotTheRun() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (LogCapture logs = new LogCapture()) {
      int code = run(sqlite(), Map.of("PUSHGATEWAY_URL", "http://pusher:pu5h-s3cret@127.0.0.1:" + closed));

      assertEquals(0, code);
      assertFalse(String.join("\n", logs.lines()).contains("pu5h-s3cret"), String.join("\n", logs.lines()));
      List<String> warnings = pushLines(logs, Level.WARN);
      assertEquals(1, warnings.size(), logs.lines().toString());
      assertTrue(warnings.get(0).startsWith("Metrics not pushed to the Pushgateway at http://127.0.0.1:" + closed + ": "),
          warnings.get(0));
    }
  }

  @Test
  void aPushgatewayThatNeverAnswersCostsTheTimeoutAndNotTheRun() throws Exception {
    try (SilentPort hanging = new SilentPort(); LogCapture logs = new LogCapture()) {
      int code = run(sqlite(), Map.of("PUSHGATEWAY_URL", "http://127.0.0.1:" + hanging.port(), "PUSHGATEWAY_TIMEOUT_MS", "500"));
      long ended = System.currentTimeMillis();

      assertEquals(0, code);
      assertTrue(hanging.connections() >= 1, "the push connected and waited for an answer");
      long ready = logs.events().stream().filter(event -> event.getFormattedMessage().startsWith("Database ready"))
          .mapToLong(ILoggingEvent::getTimeStamp).findFirst().orElseThrow();
      assertTrue(ended - ready < 500 + 1500, "from ready to exit: " + (ended - ready) + " ms with a 500 ms timeout");
      assertEquals(List.of("Metrics not pushed to the Pushgateway at http://127.0.0.1:" + hanging.port()
          + ": no answer within 500 ms (PUSHGATEWAY_TIMEOUT_MS); the run's outcome stands"), pushLines(logs, Level.WARN));
    }
  }

  private String sqlite() {
    return "sqlite:///" + folder.resolve("mcp.db");
  }

  private int run(String databaseUrl, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", databaseUrl, "BCRYPT_COST", "4"));
    environment.putAll(extra);
    return Main.run(new String[] {"--config", config.toString()}, environment);
  }

  private static List<String> pushLines(LogCapture logs, Level level) {
    return logs.events().stream().filter(event -> event.getLoggerName().equals(PUSH_LOGGER) && event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Map<String, String> with(Map<String, String> labels, String... more) {
    Map<String, String> all = new HashMap<>(labels);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }
}
