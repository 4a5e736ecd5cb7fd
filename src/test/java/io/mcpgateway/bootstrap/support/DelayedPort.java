package io.mcpgateway.bootstrap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local TCP port that refuses connections until {@link #openIn} has waited its delay, then forwards
 * every connection both ways to a target (a database server), for tests of connection retries: give
 * the agent {@code 127.0.0.1:port()} and let the database "come up" later. The port is picked free
 * but nothing listens on it until then; another process could take it in between, which this accepts
 * as a small risk (it binds with SO_REUSEADDR and reports a failed bind on stderr). Plain blocking
 * sockets, two daemon threads per connection; when either side ends, both are closed.
 * {@link #close()} stops listening and closes every connection; when it returns, the port refuses again.
 */
public final class DelayedPort implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private ServerSocket server;       // guarded by this
  private Thread opener;             // guarded by this
  private boolean closed;            // guarded by this

  private DelayedPort(String targetHost, int targetPort, int port) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = port;
  }

  /** Picks a free port on 127.0.0.1 without listening on it: connections to it are refused. */
  public static DelayedPort to(String targetHost, int targetPort) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", 0));
      return new DelayedPort(targetHost, targetPort, probe.getLocalPort());
    }
  }

  public int port() {
    return port;
  }

  /** How many connections the port has accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** After {@code delay}, starts listening on {@link #port()} and forwarding, on a daemon thread. */
  public synchronized void openIn(Duration delay) {
    if (opener != null || closed) {
      throw new IllegalStateException("openIn may be called once, before close");
    }
    opener = daemon("delayed-port-" + port, () -> {
      try {
        Thread.sleep(delay.toMillis());
        ServerSocket listening = listen();
        if (listening != null) {
          acceptLoop(listening);
        }
      } catch (InterruptedException closedWhileWaiting) {
        // close() before the delay ended: never listen
      }
    });
  }

  private synchronized ServerSocket listen() {
    if (closed) {
      return null;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);    // a port left in TIME_WAIT by the probe or a test must not fail the bind
      socket.bind(new InetSocketAddress("127.0.0.1", port), 50);
      server = socket;
      return socket;
    } catch (IOException e) {
      System.err.println("DelayedPort: could not listen on 127.0.0.1:" + port + " (taken since it was picked?): " + e);
      return null;
    }
  }

  private void acceptLoop(ServerSocket listening) {
    while (!listening.isClosed()) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException closedByClose) {
        return;
      }
      accepted.incrementAndGet();
      track(client);
      try {
        Socket target = new Socket(targetHost, targetPort);
        track(target);
        pump(client, target);
        pump(target, client);
      } catch (IOException targetDown) {
        // The target refused: the client sees its connection closed, as from a failing server.
        closeQuietly(client);
      }
    }
  }

  /** Copies one direction until it ends, then closes both sockets so the other direction ends too. */
  private void pump(Socket from, Socket to) {
    daemon("delayed-port-" + port + "-pump", () -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
        }
      } catch (IOException ended) {
        // either side closed or reset: the same end of the connection
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    });
  }

  private void track(Socket socket) {
    sockets.add(socket);
    // close() may have run between accept/connect and here
    synchronized (this) {
      if (closed) {
        closeQuietly(socket);
      }
    }
  }

  @Override
  public void close() {
    Thread waitFor;
    synchronized (this) {
      closed = true;
      waitFor = opener;
      if (opener != null) {
        opener.interrupt();
      }
      if (server != null) {
        try {
          server.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    sockets.forEach(DelayedPort::closeQuietly);
    // The JDK closes a socket blocked in accept() only when that accept returns: wait for the
    // opener to leave accept, or a connect right after close() could still be accepted.
    if (waitFor != null) {
      try {
        waitFor.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
