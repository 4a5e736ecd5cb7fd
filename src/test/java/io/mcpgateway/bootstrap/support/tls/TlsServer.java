package io.mcpgateway.bootstrap.support.tls;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A private database server that accepts only TLS connections, for one test class. */
public interface TlsServer extends AutoCloseable {

  /** The password of the users {@code app} and {@code certuser}: the tests look for it in every output. */
  String PASSWORD = "Tls-s3cret-9f2K";

  /** The kind in DATABASE_URL: postgresql or mysql. */
  String kind();

  int port();

  /** The database {@code app} owns. */
  default String appDatabase() {
    return "appdb";
  }

  /** The database {@code certuser} owns (it logs in with a client certificate). */
  default String certDatabase() {
    return "certdb";
  }

  /** Presents another certificate of the test PKI from now on ("otherhost", back to "server"). */
  void present(String certificate) throws Exception;

  /** The server's log file. */
  Path log();

  /** What the server's log says once {@code user} got past authentication. */
  String loggedInLine(String user);

  /** Whether the server's log shows that {@code user} got past authentication since the mark. */
  default boolean authenticated(String user, long logMark) throws IOException {
    String text = new String(Files.readAllBytes(log()), StandardCharsets.UTF_8);
    return text.substring((int) Math.min(logMark, text.length())).contains(loggedInLine(user));
  }

  /** A port nothing listens on now, for the server to take. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The log's length now, for {@link #authenticated}. */
  default long logMark() throws IOException {
    return Files.size(log());
  }
}
