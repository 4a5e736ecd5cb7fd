package io.mcpgateway.bootstrap.cli;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.launch.Jvm;
import io.mcpgateway.bootstrap.launch.OneShot;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.vertx.core.json.JsonObject;
import java.util.Map;
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
      JsonObject settings = SettingsLoader.load(commandLine.configFile(), commandLine.configGiven(), environment);
      BootstrapConfig config = BootstrapConfig.from(settings); // fail on bad settings before starting Vert.x
      ServeConfig serve = ServeConfig.from(settings, commandLine.serve());
      if (!serve.serve()) {
        return OneShot.run(settings, config.databaseUrl().vendor());
      }
      ServeMode.launch(settings, serve.httpPort());
      return KEEP_RUNNING;
    } catch (BootstrapException e) {
      // Not a static field: that would configure logging before main could start the warm-up.
      LoggerFactory.getLogger(Main.class).error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      return e.reason().exitCode();
    }
  }
}
