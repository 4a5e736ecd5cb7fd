package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot command line: read the settings, deploy the agent, and map the outcome to an
 * exit code. It exits without {@code vertx.close()}: the pipeline has already closed its
 * connections (releasing any session lock), and a graceful event-loop shutdown would add
 * about half a second to every gateway start.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> environment) {
    JsonObject settings;
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        System.out.println(CommandLine.USAGE);
        return 0;
      }
      settings = SettingsLoader.load(commandLine.configFile(), commandLine.configGiven(), environment);
      BootstrapConfig.from(settings); // fail on bad settings before starting Vert.x
    } catch (BootstrapException e) {
      LOG.error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      return e.reason().exitCode();
    }
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(new BootstrapVerticle(), new DeploymentOptions().setConfig(settings))
          .toCompletionStage().toCompletableFuture().join();
      return 0;
    } catch (CompletionException e) {
      // BootstrapVerticle has logged the one-line cause already.
      return e.getCause() instanceof BootstrapException failure ? failure.reason().exitCode() : 1;
    }
  }
}
