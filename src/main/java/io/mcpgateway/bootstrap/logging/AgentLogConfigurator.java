package io.mcpgateway.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The agent's default logging, set up in code: reading an XML configuration cost about 150 ms of
 * every start (an XML parser, Joran and pattern compilation), which is a third of a warm run.
 * A {@code logback-test.xml} on the class path or {@code -Dlogback.configurationFile=...} still
 * takes over, for tests and for operators who want their own appenders.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class AgentLogConfigurator extends ContextAwareBase implements Configurator {

  /** Libraries that are chatty at INFO; their warnings still show. */
  private static final Map<String, Level> QUIET = Map.of(
      "org.flywaydb", Level.WARN, "io.netty", Level.WARN, "io.vertx", Level.WARN,
      // Vert.x 5.0's HTTP server metrics re-register one gauge per connection; Micrometer warns once.
      "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);

  /** A system property: when "true", log lines go to stderr (a check or plan prints its answer on stdout). */
  public static final String TO_STDERR = "db.bootstrap.logToStderr";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || AgentLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    WarningStatusListener warnings = new WarningStatusListener(System.err);
    context.getStatusManager().getCopyOfStatusList().forEach(warnings::addStatusEvent);
    context.getStatusManager().add(warnings);
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(new AgentLogLayout());
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    if (Boolean.getBoolean(TO_STDERR)) {
      console.setTarget("System.err");
    }
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
