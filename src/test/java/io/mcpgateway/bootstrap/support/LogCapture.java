package io.mcpgateway.bootstrap.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log line of a logger (by default the agent's), at every level, while open. */
public final class LogCapture implements AutoCloseable {

  private static final int STACK_FRAMES = 12;

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

  /** Formatted messages, with the text and the top stack frames of any attached exception chain. */
  public List<String> lines() {
    return events().stream().map(LogCapture::describe).toList();
  }

  /** The events recorded so far. */
  public List<ILoggingEvent> events() {
    synchronized (appender) { // AppenderBase appends under this lock
      return List.copyOf(appender.list);
    }
  }

  /** One event as a line: its message, then each exception's message and top frames. */
  public static String describe(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getMessage());
      var frames = t.getStackTraceElementProxyArray();
      for (int i = 0; frames != null && i < Math.min(frames.length, STACK_FRAMES); i++) {
        line.append(" at ").append(frames[i].getStackTraceElement());
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
