package io.mcpgateway.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
/**
 * {@code HH:mm:ss.SSSZ LEVEL Logger - message}, in UTC and written by hand: the line the pattern
 * {@code %d{HH:mm:ss.SSS'Z', UTC} %-5level %logger{0} - %msg%n} gives, without compiling a pattern.
 * UTC because replicas on many hosts log side by side, and because the local zone would cost
 * every start a read of the JDK's time-zone database (~7 ms, measured).
 */
final class AgentLogLayout extends LayoutBase<ILoggingEvent> {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  @Override
  public String doLayout(ILoggingEvent event) {
    long millisOfDay = Math.floorMod(event.getTimeStamp(), MILLIS_PER_DAY);
    StringBuilder line = new StringBuilder(128);
    two(line, (int) (millisOfDay / 3_600_000)).append(':');
    two(line, (int) (millisOfDay / 60_000 % 60)).append(':');
    two(line, (int) (millisOfDay / 1000 % 60)).append('.');
    int millis = (int) (millisOfDay % 1000);
    line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append("Z ");
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
