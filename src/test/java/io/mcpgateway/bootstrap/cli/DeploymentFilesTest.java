package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.support.DistributionLayout;
import io.mcpgateway.bootstrap.support.Tools;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Dockerfile and the compose stack: they validate with the real tools, and every path, option,
 * variable and port they name exists in the agent and its distribution.
 */
class DeploymentFilesTest {

  private static final List<String> AGENTS = List.of("agent-postgres", "agent-mariadb");

  @Test
  void dockerComposeFileValidates() throws Exception {
    String compose = Tools.require("docker-compose", "apt-get install docker-compose; .ci/run does");
    run(compose, "-f", "docker-compose.yml", "config", "-q");
  }

  @Test
  void prometheusConfigValidates() throws Exception {
    String promtool = Tools.require("promtool", "apt-get install prometheus; .ci/run does");
    run(promtool, "check", "config", "conf/prometheus.yml");
  }

  @Test
  void theImageUnpacksTheDistributionAndStartsItsLauncherAsANonRootUser() throws Exception {
    List<String> lines = instructions(Path.of("Dockerfile"));
    String version = DistributionLayout.version();

    List<String> entrypoint = jsonArray(only(lines, "ENTRYPOINT "));
    assertEquals(1, entrypoint.size(), "the launcher alone: arguments come from the container's command");
    assertTrue(DistributionLayout.holds(entrypoint.get(0)), entrypoint.get(0) + " is not in the distribution");
    assertTrue(only(lines, "RUN mkdir ").contains("-C " + DistributionLayout.INSTALL_ROOT + " --strip-components=1"),
        "the distribution's folder is unpacked to " + DistributionLayout.INSTALL_ROOT);
    lines.stream().filter(line -> line.startsWith("ARG VERSION")).forEach(line -> assertEquals("ARG VERSION=" + version, line));
    String copied = only(lines, "COPY target/").split(" ")[1].replace("${VERSION}", version);
    assertEquals(DistributionLayout.archive().toString(), copied, "the archive mvn package builds");
    assertTrue(FileSystems.getDefault().getPathMatcher("glob:" + Files.readAllLines(Path.of(".dockerignore")).stream()
        .filter(line -> line.startsWith("!")).findFirst().orElseThrow().substring(1)).matches(Path.of(copied)),
        ".dockerignore lets the archive into the build context");
    assertTrue(only(lines, "USER ").matches("USER [1-9]\\d*:[1-9]\\d*"), "a numeric non-root user: runAsNonRoot can check it");
    assertEquals("EXPOSE " + ServeConfig.DEFAULT_PORT, only(lines, "EXPOSE "));
    assertTrue(only(lines, "ARG BASE_IMAGE=").matches("ARG BASE_IMAGE=debian:bookworm-\\d{8}-slim"), "a dated base tag");
    lines.stream().filter(line -> line.startsWith("FROM ")).forEach(from -> assertTrue(from.startsWith("FROM ${BASE_IMAGE}"), from));
  }

  @Test
  void theComposeStackRunsTheImageAndItsRuntimeNotAStockJre() throws Throwable {
    Map<String, Map<String, Object>> services = composeServices();
    String image = "db-bootstrap-agent:" + DistributionLayout.version();
    for (String name : List.of("agent-postgres", "agent-mariadb", "gateway")) {
      Map<String, Object> service = services.get(name);
      assertEquals(image, service.get("image"), name);
      assertEquals(Path.of("").toAbsolutePath().toString(), map(service.get("build")).get("context"), name + " builds the Dockerfile");
      Map<String, Object> environment = map(service.get("environment"));
      assertEquals(java.util.Set.of(), AgentSurface.unknownVariables(environment.keySet()), name + " sets variables nobody reads");
      int httpPort = Integer.parseInt(String.valueOf(environment.getOrDefault("HTTP_PORT", ServeConfig.DEFAULT_PORT)));
      assertHealthCheckAsksTheAgent(name, service, httpPort);
      assertTrue(targetPorts(service).contains(httpPort), name + " publishes HTTP_PORT");
    }
    for (String agent : AGENTS) {
      assertTrue(AgentSurface.parse(strings(services.get(agent).get("command")), agent).serve(), agent + " runs in serve mode");
    }
    Map<String, Object> gateway = services.get("gateway");
    List<String> entrypoint = strings(gateway.get("entrypoint"));
    assertTrue(DistributionLayout.holds(entrypoint.get(0)), entrypoint.get(0) + " is not in the distribution");
    assertEquals(List.of("-jar", "/app/example-gateway.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
    assertTrue(Files.readString(Path.of("examples/gateway/pom.xml")).contains("<finalName>example-gateway</finalName>"));
    assertTrue(strings(gateway.get("volumes")).stream().anyMatch(volume -> volume.endsWith("/examples/gateway/target:/app:ro")),
        "the example's jar is mounted at /app");
    assertTrue(targetPorts(gateway).contains(Integer.parseInt(String.valueOf(map(gateway.get("environment")).get("GATEWAY_PORT")))));
  }

  /** The health check's port is the service's HTTP_PORT and its path one the agent answers. */
  private static void assertHealthCheckAsksTheAgent(String name, Map<String, Object> service, int httpPort) throws Throwable {
    String test = String.join(" ", strings(map(service.get("healthcheck")).get("test")));
    Matcher request = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+) .*GET (\\S+) HTTP").matcher(test);
    assertTrue(request.find(), name + ": " + test);
    assertEquals(httpPort, Integer.parseInt(request.group(1)), name + " checks HTTP_PORT");
    assertNotEquals(404, AgentSurface.statusOf(request.group(2)), name + " checks " + request.group(2));
  }

  /** docker-compose's own reading of the file, anchors and variables resolved. */
  private static Map<String, Map<String, Object>> composeServices() throws Exception {
    String compose = Tools.require("docker-compose", "apt-get install docker-compose; .ci/run does");
    Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(run(compose, "-f", "docker-compose.yml", "config"));
    Map<String, Map<String, Object>> services = new java.util.LinkedHashMap<>();
    map(config.get("services")).forEach((name, service) -> services.put(name, map(service)));
    return services;
  }

  private static List<Integer> targetPorts(Map<String, Object> service) {
    List<Integer> ports = new ArrayList<>();
    for (Object port : (List<?>) service.get("ports")) {
      ports.add(((Number) map(port).get("target")).intValue());
    }
    return ports;
  }

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  private static List<String> instructions(Path dockerfile) throws Exception {
    String joined = Files.readString(dockerfile).replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", " ");
    return joined.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static String only(List<String> lines, String prefix) {
    List<String> found = lines.stream().filter(line -> line.startsWith(prefix)).toList();
    assertEquals(1, found.size(), "one " + prefix.strip() + " in the Dockerfile: " + found);
    return found.get(0);
  }

  private static List<String> jsonArray(String instruction) {
    return new JsonArray(instruction.substring(instruction.indexOf('['))).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    return (Map<String, Object>) yaml;
  }

  private static List<String> strings(Object yaml) {
    return ((List<?>) yaml).stream().map(String::valueOf).toList();
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output + errors);
    return output;
  }
}
