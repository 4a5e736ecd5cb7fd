package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void anUnknownOptionIsNamedWithoutItsValue() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> CommandLine.parse("--password=hunter2"));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertEquals("unknown option '--password=...'; run with --help for the options", error.getMessage());
  }

  @Test
  void aConfigFileNameNoFileCanHaveIsABadOption() {
    for (String name : new String[] {"conf\u0000.json", "\uD800.json"}) {
      BootstrapException error = assertThrows(BootstrapException.class, () -> CommandLine.parse("--config", name));
      assertEquals(Reason.BAD_CONFIG, error.reason());
      assertEquals("--config names no usable file name; run with --help for the options", error.getMessage());
    }
  }
}
