package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the deployment files may name, taken from the agent's code: the options its command line
 * accepts, the variables it reads, the paths its HTTP endpoints answer. The files are held to this,
 * so a renamed option or variable fails a test instead of a rollout.
 */
final class AgentSurface {

  /**
   * Variables the deployment files set that the agent does not read, each with the file that reads
   * it (checked to name it): the example gateway's own port.
   */
  private static final Map<String, Path> OTHER_READERS = Map.of(
      "GATEWAY_PORT", Path.of("examples/gateway/src/main/java/io/mcpgateway/gateway/ExampleGateway.java"));

  private AgentSurface() {
  }

  /** The command line the launcher would hand the agent: it must parse, or the message says why. */
  static CommandLine parse(List<String> arguments, String where) {
    try {
      return CommandLine.parse(arguments.toArray(String[]::new));
    } catch (BootstrapException e) {
      return fail(where + ": the agent refuses " + arguments + ": " + e.getMessage());
    }
  }

  /** The names among {@code variables} that neither the agent nor a listed reader reads. */
  static Set<String> unknownVariables(Collection<String> variables) throws Exception {
    Set<String> unknown = new TreeSet<>();
    for (String name : variables) {
      Path reader = OTHER_READERS.get(name);
      if (SettingsLoader.environmentVariables().contains(name)) {
        continue;
      }
      if (reader == null || !Files.readString(reader).contains("\"" + name + "\"")) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  /** The status a fresh serve-mode agent answers on {@code path} (the bootstrap not started: readiness says 503). */
  static int statusOf(String path) throws Throwable {
    ServeMode serve = ServeMode.create();
    try {
      int port = Agents.await(serve.startEndpoints(0)).actualPort();
      return Http.get("http://127.0.0.1:" + port + path).statusCode();
    } finally {
      Agents.await(serve.close());
    }
  }
}
