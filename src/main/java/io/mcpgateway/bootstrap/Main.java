package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: read the settings, deploy the agent, and map the outcome to an exit code.
 * One-shot (the default) closes Vert.x (about 15 ms) and then halts: measured here, a process whose
 * event-loop threads are still parked in epoll when it exits takes a further 330 ms to die, and the
 * JVM's shutdown hooks have nothing left to do. {@code --serve} stays up with metrics and health.
 */
public final class Main {

  /** What {@link #run} returns when the process must stay up (serve mode). */
  static final int KEEP_RUNNING = -1;
  private static final String NETTY_JFR = "io.netty.jfr.enabled";
  private static final String VERTX_DNS_OFF = "vertx.disableDnsResolver";


  private Main() {
  }

  public static void main(String[] args) {
    StartupPrewarm.startJdk(); // before logging starts: its thread logs nothing
    // Netty 4.2 emits JFR events by default, which starts JFR's machinery: ~60 ms of every start.
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    int code = run(args, System.getenv());
    if (code != KEEP_RUNNING) {
      // halt, not exit: Vert.x is closed and every log line is flushed as it is written.
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(code);
    }
  }

  static int run(String[] args, Map<String, String> environment) {
    JsonObject settings;
    BootstrapConfig config;
    ServeConfig serve;
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        System.out.println(CommandLine.USAGE);
        return 0;
      }
      settings = SettingsLoader.load(commandLine.configFile(), commandLine.configGiven(), environment);
      config = BootstrapConfig.from(settings); // fail on bad settings before starting Vert.x
      serve = ServeConfig.from(settings, commandLine.serve());
    } catch (BootstrapException e) {
      log().error("Bootstrap failed [{}]: {}", e.reason(), e.getMessage());
      return e.reason().exitCode();
    }
    return serve.serve() ? serve(settings, serve.httpPort()) : oneShot(settings, config);
  }

  private static int oneShot(JsonObject settings, BootstrapConfig config) {
    StartupPrewarm.start(config.databaseUrl().kind());
    // Vert.x's own DNS resolver costs ~10 ms of CPU to build at every start; with nothing to look
    // up (an IP address or SQLite's file) the JDK's, which then resolves nothing, does as well.
    if (!config.databaseUrl().needsNameLookup() && System.getProperty(VERTX_DNS_OFF) == null) {
      System.setProperty(VERTX_DNS_OFF, "true");
    }
    // One event loop (one verticle runs), small pools, no file cache (a one-shot run serves no files):
    // each saved thread or folder is CPU that sixteen replicas starting together on two cores share.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
        .setInternalBlockingPoolSize(2)
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    int code;
    try {
      vertx.deployVerticle(new BootstrapVerticle(), new DeploymentOptions().setConfig(settings))
          .toCompletionStage().toCompletableFuture().join();
      code = 0;
    } catch (CompletionException e) {
      // BootstrapVerticle has logged the one-line cause already.
      code = e.getCause() instanceof BootstrapException failure ? failure.reason().exitCode() : 1;
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
    } catch (Exception slowClose) {
      log().debug("Vert.x did not close within 2 s; exiting anyway", slowClose);
    }
    return code;
  }

  /** Not a static field: that would configure logging before {@link #main} could start the warm-up. */
  private static Logger log() {
    return LoggerFactory.getLogger(Main.class);
  }

  private static int serve(JsonObject settings, int port) {
    ServeMode mode = ServeMode.create();
    try {
      mode.startEndpoints(port).toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      log().error("Bootstrap failed [{}]: cannot serve on HTTP_PORT {}: {}", Reason.BAD_CONFIG, port, e.getCause().getMessage());
      return Reason.BAD_CONFIG.exitCode();
    }
    mode.deployAgent(settings); // its outcome shows on /health/ready and in the metrics
    return KEEP_RUNNING;
  }
}
