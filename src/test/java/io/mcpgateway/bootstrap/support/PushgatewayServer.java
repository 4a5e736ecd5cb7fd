package io.mcpgateway.bootstrap.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}) on a free port of
 * 127.0.0.1, without persistence: what it holds ends with it. A system service the package may have
 * started on 9091 is not used. Skips the test when the binary is not installed.
 */
public final class PushgatewayServer implements AutoCloseable {

  private static final String INSTALL_HINT = "apt-get install prometheus-pushgateway; .ci/run does";

  private final Process process;
  private final Path log;
  private final int port;

  private PushgatewayServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts it and waits (at most 20 s) until {@code /-/ready} answers 200. */
  public static PushgatewayServer start(Path folder) throws Exception {
    String binary = Tools.require("prometheus-pushgateway", INSTALL_HINT);
    int port = freePort();
    Path log = folder.resolve("pushgateway.log");
    // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: a test's pushes
    // would outlive it and show up in the next test's Pushgateway.
    Process process = new ProcessBuilder(binary, "--web.listen-address=127.0.0.1:" + port, "--persistence.file=")
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    PushgatewayServer server = new PushgatewayServer(process, log, port);
    try {
      server.awaitReady();
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** What Prometheus would scrape from it: every group's metrics, with job and instance labels. */
  public String scrape() throws Exception {
    return Http.get(url() + "/metrics").body();
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Pushgateway exited: " + Files.readString(log));
      }
      try {
        if (Http.get(url() + "/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // starting
      }
      Thread.sleep(100); // polling a starting process: nothing to wait on instead
    }
    throw new IllegalStateException("the Pushgateway was not ready within 20 s: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
