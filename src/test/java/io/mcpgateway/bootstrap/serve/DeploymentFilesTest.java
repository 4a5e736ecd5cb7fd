package io.mcpgateway.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.support.Tools;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compose stack and its Prometheus configuration validate with the real tools. */
class DeploymentFilesTest {

  @Test
  void dockerComposeFileValidates() throws Exception {
    String compose = Tools.require("docker-compose", "apt-get install docker-compose; .ci/run does");
    assertSucceeds(compose, "-f", "docker-compose.yml", "config", "-q");
  }

  @Test
  void prometheusConfigValidates() throws Exception {
    String promtool = Tools.require("promtool", "apt-get install prometheus; .ci/run does");
    assertSucceeds(promtool, "check", "config", "conf/prometheus.yml");
  }

  private static void assertSucceeds(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
  }
}
