package io.mcpgateway.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WarningStatusListenerTest {

  @Test
  void printsWarningsAndErrorsOnly() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WarningStatusListener listener = new WarningStatusListener(new PrintStream(out, true, StandardCharsets.UTF_8));

    listener.addStatusEvent(new InfoStatus("configured", this));
    listener.addStatusEvent(new WarnStatus("appender missing", this));
    listener.addStatusEvent(new ErrorStatus("cannot open", this, new IllegalStateException("disk full")));

    assertEquals("logback: appender missing" + System.lineSeparator()
        + "logback: cannot open: java.lang.IllegalStateException: disk full" + System.lineSeparator(),
        out.toString(StandardCharsets.UTF_8));
  }
}
