package io.mcpgateway.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP_HOST: where serve mode listens, read from the kernel's own table of listening sockets
 * (/proc/net/tcp), so nothing is sent to any address but to check it.
 */
class ServeBindingTest {

  /** Java listens on IPv6 sockets where it can, so an IPv4 address may show as IPv4-mapped in tcp6. */
  static final List<Path> LISTENING = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
  static final String MAPPED_IPV4 = "0000000000000000FFFF0000";
  static final String ANY_IPV6 = "0".repeat(32);
  ServeMode serve = ServeMode.create();

  @AfterEach
  void stop() throws Throwable {
    Agents.await(serve.close());
  }

  @Test
  void httpHostLoopbackListensOnLoopbackOnly() throws Throwable {
    ServeConfig where = ServeConfig.from(new JsonObject().put("HTTP_HOST", "127.0.0.1").put("HTTP_PORT", "0"), true);
    int port = Agents.await(serve.startEndpoints(where.httpHost(), where.httpPort())).actualPort();

    assertEquals("0100007F", listeningAddress(port), "127.0.0.1, in the kernel's byte order");
  }

  @Test
  void withoutHttpHostItListensOnEveryInterfaceAsAContainerNeeds() throws Throwable {
    ServeConfig where = ServeConfig.from(new JsonObject().put("HTTP_PORT", "0"), true);
    int port = Agents.await(serve.startEndpoints(where.httpHost(), where.httpPort())).actualPort();

    assertEquals("00000000", listeningAddress(port));
  }

  @Test
  void aHostThatIsNoAddressIsOneBadConfigLine() {
    for (String host : List.of("", "exa mple", "http://127.0.0.1", "127.0.0.1;rm", "a".repeat(300))) {
      BootstrapException error = assertThrows(BootstrapException.class,
          () -> ServeConfig.from(new JsonObject().put("HTTP_HOST", host), true), host);
      assertEquals(Reason.BAD_CONFIG, error.reason());
      assertFalse(error.getMessage().contains("\n"));
    }
  }

  @Test
  void anAddressOfAnotherMachineFailsBeforeTheAgentStarts() {
    // 192.0.2.0/24 is for documentation: no interface of a test machine should own 192.0.2.77.
    ServeConfig where = ServeConfig.from(new JsonObject().put("HTTP_HOST", "192.0.2.77").put("HTTP_PORT", "0"), true);

    BootstrapException error = assertThrows(BootstrapException.class, () -> ServeMode.launch(new JsonObject(), where));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertEquals(true, error.getMessage().startsWith("cannot serve on HTTP_HOST 192.0.2.77, HTTP_PORT 0: "), error.getMessage());
  }

  /** The IPv4 address, as /proc/net/tcp writes it, of the socket listening on the port. */
  private static String listeningAddress(int port) throws Exception {
    assumeTrue(Files.isReadable(LISTENING.get(0)), "needs Linux's /proc/net/tcp");
    String portHex = String.format(Locale.ROOT, "%04X", port);
    for (Path table : LISTENING) {
      for (String line : Files.isReadable(table) ? Files.readAllLines(table) : List.<String>of()) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 3 && fields[1].endsWith(":" + portHex) && fields[3].equals("0A")) {
          return asIpv4(fields[1].substring(0, fields[1].indexOf(':')));
        }
      }
    }
    throw new AssertionError("nothing listens on port " + port);
  }

  private static String asIpv4(String address) {
    if (address.equals(ANY_IPV6)) {
      return "00000000"; // a dual-stack socket on every interface
    }
    return address.startsWith(MAPPED_IPV4) ? address.substring(MAPPED_IPV4.length()) : address;
  }
}
