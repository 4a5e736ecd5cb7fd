package io.mcpgateway.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code HH:mm:ss.SSS LEVEL Logger - message}, written by hand: the same line the pattern
 * {@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n} gives, without compiling a pattern.
 */
final class AgentLogLayout extends LayoutBase<ILoggingEvent> {

  private final ZoneId zone = ZoneId.systemDefault();

  @Override
  public String doLayout(ILoggingEvent event) {
    LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
    StringBuilder line = new StringBuilder(128);
    two(line, time.getHour()).append(':');
    two(line, time.getMinute()).append(':');
    two(line, time.getSecond()).append('.');
    int millis = time.getNano() / 1_000_000;
    line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append(' ');
    String level = event.getLevel().toString();
    line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
    String logger = event.getLoggerName();
    line.append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(" - ").append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(thrown));
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static StringBuilder two(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }
}
