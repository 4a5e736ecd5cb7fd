package io.mcpgateway.bootstrap.logging;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Prints logback's own warnings and errors (a broken appender, say) to standard error, as logback
 * does by default. Registering a listener keeps logback from loading its status printer at every
 * start, whose date formatter reads the JDK's time-zone database (~7 ms, measured).
 */
final class WarningStatusListener implements StatusListener {

  private final PrintStream out;

  WarningStatusListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() >= Status.WARN) {
      out.println("logback: " + status.getMessage() + (status.getThrowable() == null ? "" : ": " + status.getThrowable()));
    }
  }
}
