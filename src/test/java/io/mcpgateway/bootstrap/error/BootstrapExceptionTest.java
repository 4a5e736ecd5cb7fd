package io.mcpgateway.bootstrap.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import org.junit.jupiter.api.Test;

class BootstrapExceptionTest {

  @Test
  void aMessageStaysOneLineWhateverItQuotes() {
    BootstrapException error = new BootstrapException(Reason.BAD_CONFIG, "file a\nb\r\nc\u0085d\u2028e: \u001b[31mred\u0000");

    assertEquals("file a b c d e: ?[31mred?", error.getMessage());
  }
}
