package io.mcpgateway.bootstrap.support;

import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything a piece of code logs (the root logger, and the agent's loggers at every level) or
 * prints on standard output and error while open: what an operator could see of a secret.
 */
public final class OutputCapture implements AutoCloseable {

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final LogCapture root = new LogCapture(Logger.ROOT_LOGGER_NAME);
  private final LogCapture agent = new LogCapture();

  public OutputCapture() {
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
  }

  /** The log lines (with their exceptions' messages) and the printed text, as one text. */
  public String text() {
    StringBuilder text = new StringBuilder(printed.toString(StandardCharsets.UTF_8));
    // The agent's events reach the root logger's appender too: read both in case a logger stops them.
    root.lines().forEach(line -> text.append('\n').append(line));
    agent.lines().forEach(line -> text.append('\n').append(line));
    return text.toString();
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    agent.close();
    root.close();
  }
}
