package io.mcpgateway.bootstrap.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log line of a logger (by default the agent's), at every level, while open. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final ch.qos.logback.classic.Level previous;

  public LogCapture() {
    this("io.mcpgateway.bootstrap");
  }

  /** Records the named logger and those below it. */
  public LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    previous = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.ALL);
    appender.start();
    logger.addAppender(appender);
  }

  /** Formatted messages, with the text of any attached exception chain. */
  public List<String> lines() {
    return appender.list.stream().map(event -> {
      StringBuilder line = new StringBuilder(event.getFormattedMessage());
      for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getMessage());
      }
      return line.toString();
    }).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
