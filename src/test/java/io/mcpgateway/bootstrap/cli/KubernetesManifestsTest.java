package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.PushgatewayConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.support.DistributionLayout;
import io.mcpgateway.bootstrap.support.Tools;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes/ held to the agent: every command line the manifests give the agent parses,
 * every variable is one the agent (or a named reader) reads and the values validate, the secret
 * files are mounted, every port and probe points at the agent's HTTP port and at a path it answers,
 * and the Job's failure policy names the agent's exit codes.
 */
class KubernetesManifestsTest {

  private static final String LAUNCHER = DistributionLayout.INSTALL_ROOT + "/bin/db-bootstrap-agent";

  @Test
  void kustomizeListsEveryManifestButTheSecretExampleAndRendersThem() throws Exception {
    Set<String> manifests;
    try (Stream<Path> files = Files.list(Manifests.FOLDER)) {
      manifests = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
          .filter(name -> !name.equals("kustomization.yaml") && !name.equals("secret.example.yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Map<String, Object> kustomization = Manifests.document("kustomization.yaml");
    assertEquals(manifests, new TreeSet<>(Manifests.strings(kustomization.get("resources"))));
    String version = DistributionLayout.version();
    for (Object image : (List<?>) kustomization.get("images")) {
      assertEquals(version, Manifests.map(image).get("newTag"), "images are tagged with the project's version");
    }
    for (Manifests.Container container : Manifests.containers()) {
      assertTrue(container.image().endsWith(":" + version), container + " runs " + container.image());
    }
    String kubectl = Tools.require("kubectl", "apt-get install kubernetes-client; .ci/run does");
    Process render = new ProcessBuilder(kubectl, "kustomize", Manifests.FOLDER.toString()).redirectErrorStream(true).start();
    String output = new String(render.getInputStream().readAllBytes());
    assertTrue(render.waitFor(60, TimeUnit.SECONDS) && render.exitValue() == 0, output);
  }

  @Test
  void everyCommandLineGivenToTheAgentIsOneItAccepts() throws Exception {
    for (Manifests.Container container : Manifests.containers()) {
      List<String> command = container.command();
      if (command.isEmpty()) {
        assertTrue(container.image().startsWith("db-bootstrap-agent:"), container + ": no command, so the image's entrypoint");
        AgentSurface.parse(container.args(), container.toString());
      } else {
        assertTrue(DistributionLayout.holds(command.get(0)), container + ": " + command.get(0) + " is not in the distribution");
      }
      for (List<String> probe : container.execProbes()) {
        assertEquals(LAUNCHER, probe.get(0), container + ": a probe runs the agent");
        AgentSurface.parse(probe.subList(1, probe.size()), container + " probe");
      }
    }
  }

  @Test
  void everyVariableIsOneTheAgentReadsAndTheirValuesValidate(@TempDir Path folder) throws Exception {
    for (Manifests.Container container : Manifests.containers()) {
      Map<String, String> environment = container.environmentWithSecretFiles(folder);
      assertEquals(Set.of(), AgentSurface.unknownVariables(container.environment().keySet()),
          container + " sets variables nobody reads");

      // Over the conf/bootstrap.json the distribution ships, as in the image's working directory.
      JsonObject settings = SettingsLoader.load(SettingsLoader.DEFAULT_FILE, true, environment);
      BootstrapConfig.from(settings);          // each throws BAD_CONFIG with the setting's name
      ServeConfig.from(settings, false);
      PushgatewayConfig.from(settings, environment);
    }
  }

  @Test
  void everyPortAndProbeIsTheAgentsHttpPortOrTheGatewaysAndEveryPathIsOneTheAgentAnswers() throws Throwable {
    for (Manifests.Container container : Manifests.containers()) {
      Map<String, Integer> ports = container.ports();
      Map<String, String> environment = container.environment();
      if (ports.containsKey("metrics")) {
        int httpPort = Integer.parseInt(environment.getOrDefault("HTTP_PORT", String.valueOf(ServeConfig.DEFAULT_PORT)));
        assertEquals(httpPort, ports.get("metrics"), container + ": the metrics port is HTTP_PORT");
      }
      if (ports.containsKey("gateway")) {
        assertEquals(environment.get("GATEWAY_PORT"), String.valueOf(ports.get("gateway")), container + ": GATEWAY_PORT");
      }
      assertTrue(Set.of("metrics", "gateway").containsAll(ports.keySet()), container + " names ports " + ports.keySet());
      for (Map.Entry<String, Object> probe : container.httpProbes().entrySet()) {
        Map<String, Object> get = Manifests.map(probe.getValue());
        assertEquals("metrics", get.get("port"), container + " " + probe.getKey() + " asks the agent's port");
        assertNotEquals(404, AgentSurface.statusOf(String.valueOf(get.get("path"))), container + " " + probe.getKey());
      }
    }
    for (Map<String, Object> service : Manifests.ofKind("Service")) {
      Set<String> named = Manifests.containers().stream().flatMap(c -> c.ports().keySet().stream()).collect(Collectors.toSet());
      for (Object port : (List<?>) Manifests.map(service.get("spec")).get("ports")) {
        assertTrue(named.contains(String.valueOf(Manifests.map(port).get("targetPort"))), "Service targets " + port);
      }
    }
  }

  @Test
  void theGatewaySkipsMigrationsAndWaitsForTheCheck() throws Exception {
    Map<String, Object> deployment = Manifests.ofKind("Deployment").get(0);
    Manifests.Container gateway = Manifests.containers().stream().filter(c -> c.in("Deployment")).findFirst().orElseThrow();
    JsonObject settings = new JsonObject(Map.copyOf(gateway.environment()));

    assertTrue(BootstrapConfig.flag(settings, "MCPGATEWAY_SKIP_MIGRATIONS"));
    assertEquals(String.valueOf(Manifests.map(deployment.get("spec")).get("replicas")), gateway.environment().get("GATEWAY_REPLICAS"));
    List<String> startup = Manifests.strings(Manifests.map(Manifests.map(gateway.spec().get("startupProbe")).get("exec")).get("command"));
    assertEquals(CommandLine.Mode.CHECK, AgentSurface.parse(startup.subList(1, startup.size()), "startupProbe").mode());
  }

  @Test
  void theJobRunsOnceAsNonRootAndFailsAtOnceOnlyOnTheAgentsExitCodes() throws Exception {
    Map<String, Object> job = Manifests.ofKind("Job").get(0);
    Map<String, Object> spec = Manifests.map(job.get("spec"));
    Set<Integer> exitCodes = Arrays.stream(Reason.values()).map(Reason::exitCode).collect(Collectors.toSet());

    assertNotNull(spec.get("backoffLimit"));
    assertTrue(((Number) spec.get("activeDeadlineSeconds")).intValue() > 300, "longer than the lock wait");
    for (Object rule : (List<?>) Manifests.map(spec.get("podFailurePolicy")).get("rules")) {
      if (!Manifests.map(rule).containsKey("onExitCodes")) {
        continue; // a rule on pod conditions (an eviction)
      }
      Map<String, Object> onExitCodes = Manifests.map(Manifests.map(rule).get("onExitCodes"));
      for (Object code : (List<?>) onExitCodes.get("values")) {
        assertTrue(exitCodes.contains(((Number) code).intValue()), code + " is none of the agent's exit codes " + exitCodes);
      }
      assertTrue(Manifests.containers().stream().anyMatch(c -> c.in("Job") && c.name().equals(onExitCodes.get("containerName"))),
          "the policy names the Job's container");
    }
    for (Manifests.Container container : Manifests.containers()) {
      assertEquals(true, Manifests.map(container.pod().get("securityContext")).get("runAsNonRoot"), container.toString());
      assertEquals(true, Manifests.map(container.spec().get("securityContext")).get("readOnlyRootFilesystem"), container.toString());
      assertTrue(container.mountPaths().contains("/tmp"), container + ": a writable /tmp on a read-only root");
    }
  }
}
