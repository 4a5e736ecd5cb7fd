package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: read the settings, deploy the agent, and map the outcome to an exit code.
 * One-shot (the default) exits without {@code vertx.close()}: the pipeline has already closed its
 * connections (releasing any session lock), and a graceful event-loop shutdown would add about
 * half a second to every gateway start. {@code --serve} stays up with metrics and health.
 */
public final class Main {

  /** What {@link #run} returns when the process must stay up (serve mode). */
  static final int KEEP_RUNNING = -1;

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    int code = run(args, System.getenv());
    if (code != KEEP_RUNNING) {
      System.exit(code);
    }
  }

  static int run(String[] args, Map<String, String> environment) {
    JsonObject settings;
    ServeConfig serve;
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        System.out.println(CommandLine.USAGE);
        return 0;
      }
      settings = SettingsLoader.load(commandLine.configFile(), commandLine.configGiven(), environment);
      BootstrapConfig.from(settings); // fail on bad settings before starting Vert.x
      serve = ServeConfig.from(settings, commandLine.serve());
    } catch (BootstrapException e) {
      LOG.error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      return e.reason().exitCode();
    }
    return serve.serve() ? serve(settings, serve.httpPort()) : oneShot(settings);
  }

  private static int oneShot(JsonObject settings) {
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

  private static int serve(JsonObject settings, int port) {
    ServeMode mode = ServeMode.create();
    try {
      mode.startEndpoints(port).toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      LOG.error("Bootstrap failed [{}]: cannot serve on HTTP_PORT {}: {}", Reason.BAD_CONFIG, port, e.getCause().getMessage());
      return Reason.BAD_CONFIG.exitCode();
    }
    mode.deployAgent(settings); // its outcome shows on /health/ready and in the metrics
    return KEEP_RUNNING;
  }
}
