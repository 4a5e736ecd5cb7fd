package io.mcpgateway.bootstrap.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port on 127.0.0.1 that accepts every connection and never answers: a server that hangs. The
 * connections stay open until {@link #close()}.
 */
public final class SilentPort implements AutoCloseable {

  private final ServerSocket server;
  private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();

  public SilentPort() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptForever, "silent-port-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many connections it has taken so far. */
  public int connections() {
    return accepted.size();
  }

  private void acceptForever() {
    try {
      while (!server.isClosed()) {
        accepted.add(server.accept());
      }
    } catch (IOException closed) {
      // close() ends the loop
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
