package io.mcpgateway.bootstrap.cli;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.PushgatewayConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.launch.Jvm;
import io.mcpgateway.bootstrap.launch.OneShot;
import io.mcpgateway.bootstrap.launch.Signals;
import io.mcpgateway.bootstrap.logging.AgentLogConfigurator;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The command line: parse the options and settings, hand over to the one-shot run or serve mode,
 * and map the outcome to an exit code.
 */
public final class Main {

  /** What {@link #run} returns when the process must stay up (serve mode). */
  static final int KEEP_RUNNING = -1;

  private Main() {
  }

  public static void main(String[] args) {
    Jvm.prepare();
    int code = run(args, System.getenv());
    if (code != KEEP_RUNNING) {
      Jvm.halt(code);
    }
  }

  static int run(String[] args, Map<String, String> environment) {
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        System.out.println(CommandLine.USAGE);
        return 0;
      }
      if (commandLine.readOnly()) {
        System.setProperty(AgentLogConfigurator.TO_STDERR, "true"); // stdout carries the answer alone
      }
      JsonObject settings = SettingsLoader.load(commandLine.configFile(), commandLine.configGiven(), environment);
      BootstrapConfig config = BootstrapConfig.from(settings); // fail on bad settings before starting Vert.x
      if (commandLine.readOnly()) {
        return plan(commandLine, settings, config);
      }
      ServeConfig serve = ServeConfig.from(settings, commandLine.serve());
      Optional<PushgatewayConfig> pushgateway = PushgatewayConfig.from(settings, environment); // validated in either mode
      if (!serve.serve()) {
        return OneShot.run(settings, config.databaseUrl().vendor(), pushgateway);
      }
      if (pushgateway.isPresent()) {
        LoggerFactory.getLogger(Main.class).info("PUSHGATEWAY_URL is left unused in serve mode: /metrics is scraped");
      }
      ServeMode mode = ServeMode.launch(settings, serve);
      Signals.onStop(signal -> mode.shutdown().onComplete(closed -> Jvm.halt(Signals.exitCode(signal))));
      return KEEP_RUNNING;
    } catch (BootstrapException e) {
      // Not a static field: that would configure logging before main could start the warm-up.
      LoggerFactory.getLogger(Main.class).error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      return e.reason().exitCode();
    }
  }

  /** {@code --check} prints one line, {@code --plan} the whole plan; {@code --json} either as JSON. */
  private static int plan(CommandLine commandLine, JsonObject settings, BootstrapConfig config) {
    PlanOutput plan;
    try {
      plan = new PlanOutput(config.databaseUrl().redacted(), OneShot.plan(settings, config.databaseUrl().vendor()));
    } catch (BootstrapException e) {
      if (commandLine.json()) {
        System.out.println(new JsonObject().put("database", config.databaseUrl().redacted()).put("reason", e.reason().name())
            .put("message", e.getMessage()).put("exitCode", e.reason().exitCode()).encode());
      }
      throw e;
    }
    if (commandLine.json()) {
      System.out.println(plan.json().encode());
    } else {
      System.out.println(commandLine.mode() == CommandLine.Mode.CHECK ? plan.checkLine() : plan.text());
    }
    return plan.exitCode();
  }
}
