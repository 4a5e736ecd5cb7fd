package io.mcpgateway.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentLogLayoutTest {

  @Test
  void writesUtcTimeLevelShortLoggerAndMessage() {
    LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("io.mcpgateway.bootstrap.BootstrapPipeline"),
        Level.INFO, "Acquired migration lock after {} ms", null, new Object[] {3});
    event.setTimeStamp(Instant.parse("2026-11-25T07:05:09.042Z").toEpochMilli());

    assertEquals("07:05:09.042Z INFO  BootstrapPipeline - Acquired migration lock after 3 ms" + System.lineSeparator(),
        new AgentLogLayout().doLayout(event));
  }
}
