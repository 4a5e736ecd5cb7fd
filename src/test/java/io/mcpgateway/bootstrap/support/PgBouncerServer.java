package io.mcpgateway.bootstrap.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PgBouncer for tests: it listens on a free port of 127.0.0.1 and forwards every database
 * ({@code * = host=... port=...}) to one PostgreSQL server, in the given pool mode, with a small pool
 * and the settings the agent needs ({@code ignore_startup_parameters = extra_float_digits} for the
 * Vert.x client). Without a password clients are trusted (the user must still be listed in the
 * auth file); with one, clients log in with SCRAM and PgBouncer logs in to the server with the same
 * plain-text password (SCRAM, MD5 or trust there). Its config, auth file and log live in a temp
 * folder that {@link #close()} deletes. PgBouncer refuses to run as root, so under root it is told
 * to switch to the {@code postgres} user ({@code -u}). Its idle server connections keep databases in
 * use, so close it before DROP DATABASE (or drop WITH (FORCE)). Skips the test when PgBouncer is not
 * installed.
 */
public final class PgBouncerServer implements AutoCloseable {

  private static final String INSTALL_HINT = "install pgbouncer: apt-get install -y pgbouncer";

  private final Process process;
  private final Path dir;
  private final int port;
  private final String user;
  private final String password;
  private final Thread killOnExit;

  private PgBouncerServer(Process process, Path dir, int port, String user, String password) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.user = user;
    this.password = password;
    // A JVM that ends without close() (a surefire timeout) must not leave PgBouncer holding
    // server connections, which would block DROP DATABASE in later runs.
    this.killOnExit = new Thread(process::destroyForcibly, "pgbouncer-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts PgBouncer in front of {@code host:port} and waits (at most about 10 s) until a JDBC query
   * through it to the {@code postgres} database works.
   *
   * @param password null or empty for a trust-auth server
   * @param poolMode {@code "transaction"} or {@code "session"}
   */
  public static PgBouncerServer start(String host, int port, String user, String password, String poolMode)
      throws Exception {
    String binary = findBinary().orElse(null);
    if (binary == null) {
      String why = "pgbouncer not found in /usr/sbin or on PATH (" + INSTALL_HINT + ")";
      System.err.println("[db-bootstrap-agent tests] skipping: " + why);
      Assumptions.assumeTrue(false, why);
    }
    // Another process may take the free port before PgBouncer binds it: then try another one.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(binary, host, port, user, password, poolMode);
      } catch (PortTaken e) {
        if (attempt == 3) {
          throw new IllegalStateException(e.getMessage());
        }
      }
    }
  }

  private static PgBouncerServer startOnce(String binary, String host, int serverPort, String user,
                                           String password, String poolMode) throws Exception {
    boolean withPassword = password != null && !password.isEmpty();
    int port = freePort();
    Path dir = Files.createTempDirectory("pgbouncer-");
    Path log = dir.resolve("pgbouncer.log");
    Process process = null;
    try {
      Files.writeString(dir.resolve("userlist.txt"),
          quote(user) + " " + quote(withPassword ? password : "") + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
          "[databases]",
          "* = host=" + host + " port=" + serverPort,
          "[pgbouncer]",
          "listen_addr = 127.0.0.1",
          "listen_port = " + port,
          "unix_socket_dir =",                       // no socket in /var/run/postgresql to clash with
          "auth_type = " + (withPassword ? "scram-sha-256" : "trust"),
          "auth_file = " + dir.resolve("userlist.txt"),
          "admin_users = " + user,                   // lets a test run SHOW POOLS on database pgbouncer
          "pool_mode = " + poolMode,
          "default_pool_size = 4",
          "max_client_conn = 100",
          "server_reset_query = DISCARD ALL",
          "server_reset_query_always = 0",
          "ignore_startup_parameters = extra_float_digits",
          "server_login_retry = 1",                  // the default 15 s would stall tests after one failed login
          ""), StandardCharsets.UTF_8);

      if (isRoot()) {
        // The folder was created 0700 by root: hand it to the user PgBouncer will switch to.
        String runAs = userExists("postgres") ? "postgres" : "nobody";
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.toList()) {
            Files.setOwner(file, owner);
          }
        }
        process = launch(log, binary, "-u", runAs, dir.resolve("pgbouncer.ini").toString());
      } else {
        process = launch(log, binary, dir.resolve("pgbouncer.ini").toString());
      }
      awaitReady(process, log, port, user, withPassword ? password : null);
      return new PgBouncerServer(process, dir, port, user, withPassword ? password : null);
    } catch (Exception | Error e) {
      if (process != null) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      deleteTree(dir);
      throw e;
    }
  }

  private static Process launch(Path log, String... command) throws IOException {
    // In the foreground (no -d) PgBouncer logs to stderr and stays our child, so Process can stop it.
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static void awaitReady(Process process, Path log, int port, String user, String password)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = tail(log);
        if (tail.contains("Address already in use")) {
          throw new PortTaken("pgbouncer could not bind port " + port + ":\n" + tail);
        }
        throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ":\n" + tail);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      } catch (IOException notYet) {
        last = notYet;
        Thread.sleep(50);
        continue;
      }
      // Listening; one query proves the forwarding and the authentication set-up too.
      // Bounded: PgBouncer holds a login while the server is down (client_login_timeout, 60 s).
      Properties probe = properties(user, password);
      long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
      probe.setProperty("loginTimeout", Long.toString(left));
      probe.setProperty("socketTimeout", Long.toString(left));
      try (Connection connection = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + port + "/postgres?prepareThreshold=0", probe)) {
        connection.createStatement().execute("SELECT 1");
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("pgbouncer on 127.0.0.1:" + port + " not ready after 10 s (" + last
        + "); log tail:\n" + tail(log), last);
  }

  public int port() {
    return port;
  }

  /** {@code postgresql://USER[:PASSWORD]@127.0.0.1:PORT/DATABASE}, the form DATABASE_URL takes. */
  public String url(String database) {
    return "postgresql://" + encode(user) + (password == null ? "" : ":" + encode(password))
        + "@127.0.0.1:" + port + "/" + encode(database);
  }

  /** A pgjdbc URL through PgBouncer; {@code prepareThreshold=0} because named statements break in transaction mode. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + encode(database) + "?prepareThreshold=0";
  }

  /** The user and password for {@link #jdbcUrl}. */
  public Properties jdbcProperties() {
    return properties(user, password);
  }

  private static Properties properties(String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  @Override
  public void close() throws Exception {
    process.destroy();                                  // SIGTERM: PgBouncer exits at once
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run; nothing to undo
    }
    deleteTree(dir);
  }

  private static Optional<String> findBinary() {
    Stream<String> dirs = Stream.concat(Stream.of("/usr/sbin"),
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    return dirs.filter(d -> !d.isEmpty()).map(d -> new File(d, "pgbouncer"))
        .filter(File::canExecute).map(File::getAbsolutePath).findFirst();
  }

  private static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  private static boolean userExists(String name) throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(name + ":"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** The auth file's quoting: double quotes, a quote inside doubled. */
  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** Percent-encodes everything but unreserved characters (the agent decodes '+' as a plus). */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static final class PortTaken extends Exception {
    PortTaken(String message) {
      super(message);
    }
  }
}
