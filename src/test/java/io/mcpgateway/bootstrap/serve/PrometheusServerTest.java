package io.mcpgateway.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Http;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.mcpgateway.bootstrap.support.Tools;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scrapes the agent, and its query API returns the step timers. */
class PrometheusServerTest {

  @Test
  void prometheusScrapesTheStepTimers(@TempDir Path folder) throws Throwable {
    String prometheus = Tools.require("prometheus", "apt-get install prometheus; .ci/run does");
    TestDatabase database = TestDatabases.sqlite();
    ServeMode serve = ServeMode.create();
    Process server = null;
    try {
      int agentPort = Agents.await(serve.startEndpoints(0)).actualPort();
      Agents.await(serve.deployAgent(Agents.settings(database)));
      int prometheusPort = freePort();
      Path config = folder.resolve("prometheus.yml");
      Files.writeString(config, """
          global:
            scrape_interval: 1s
          scrape_configs:
            - job_name: db-bootstrap-agent
              static_configs:
                - targets: ['127.0.0.1:%d']
          """.formatted(agentPort));
      server = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + folder.resolve("data"),
          "--web.listen-address=127.0.0.1:" + prometheusPort)
          .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();

      JsonArray result = queryUntilPresent(prometheusPort, "db_bootstrap_step_seconds_count", 60);

      Set<String> steps = new TreeSet<>();
      for (Object series : result) {
        JsonObject metric = ((JsonObject) series).getJsonObject("metric");
        assertEquals("sqlite", metric.getString("kind"));
        assertEquals("db-bootstrap-agent", metric.getString("job"));
        steps.add(metric.getString("step"));
      }
      assertEquals(new TreeSet<>(ServeModeTest.STEPS), steps);
      JsonArray ready = queryUntilPresent(prometheusPort, "db_bootstrap_ready", 10);
      assertEquals("1", ready.getJsonObject(0).getJsonArray("value").getString(1));
    } finally {
      if (server != null) {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }
      Agents.await(serve.close());
      database.close();
    }
  }

  private static JsonArray queryUntilPresent(int port, String query, int seconds) throws Exception {
    String url = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try {
        JsonObject answer = new JsonObject(Http.get(url).body());
        JsonArray result = answer.getJsonObject("data").getJsonArray("result");
        if (!result.isEmpty()) {
          return result;
        }
      } catch (java.io.IOException | RuntimeException notUpYet) {
        // Prometheus is starting or has not scraped yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Prometheus returned no " + query + " within " + seconds + " s");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
