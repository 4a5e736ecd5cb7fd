package io.mcpgateway.bootstrap.support.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway MariaDB instance (its own datadir, socket and port on 127.0.0.1) with
 * {@code require_secure_transport}: a login without TLS is refused. {@code app} logs in with a
 * password; {@code certuser} with a password and a client certificate the server requires.
 */
public final class TlsMariaDbServer implements TlsServer {

  private static final String OS_USER = "mysql";

  private final Path base;
  private final int port;
  private final TestCertificates pki;
  private Process server;

  private TlsMariaDbServer(Path base, int port, TestCertificates pki) {
    this.base = base;
    this.port = port;
    this.pki = pki;
  }

  /** Starts one in {@code base} (skips the test when MariaDB's server is not installed). */
  public static TlsMariaDbServer start(Path base, TestCertificates pki) throws Exception {
    Path daemon = Command.firstExisting("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
    Assumptions.assumeTrue(daemon != null && Command.firstExisting("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db") != null,
        "MariaDB's server is not installed (apt-get install mariadb-server)");
    Files.createDirectories(base.resolve("tmp"));
    TlsMariaDbServer server = new TlsMariaDbServer(base, TlsServer.freePort(), pki);
    try {
      server.init(daemon);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void init(Path daemon) throws Exception {
    for (String file : new String[] {"server.crt", "server.key"}) {
      Files.copy(pki.path(file), base.resolve(file));
    }
    Files.copy(pki.ca(), base.resolve("ca.crt"));
    Files.writeString(base.resolve("my.cnf"), String.join("\n", "[mariadbd]",
        Command.ROOT ? "user = " + OS_USER : "", "datadir = " + base.resolve("data"), "tmpdir = " + base.resolve("tmp"),
        "socket = " + socket(), "pid-file = " + base.resolve("mysqld.pid"), "log-error = " + log(), "port = " + port,
        "bind-address = 127.0.0.1", "skip-networking = 0", "skip-name-resolve", "ssl-ca = " + base.resolve("ca.crt"),
        "ssl-cert = " + base.resolve("server.crt"), "ssl-key = " + base.resolve("server.key"),
        "require-secure-transport = ON", "skip-log-bin", "performance-schema = OFF", "innodb-buffer-pool-size = 16M",
        "innodb-log-file-size = 8M", "innodb-use-native-aio = 0", "innodb-doublewrite = 0",
        "innodb-flush-log-at-trx-commit = 2", "innodb-fast-shutdown = 3", "max-connections = 40", "log-warnings = 4", ""));
    Command.giveTo(OS_USER, base);
    Command.run(null, Command.firstExisting("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db").toString(),
        "--defaults-file=" + base.resolve("my.cnf"), "--skip-test-db", "--skip-name-resolve",
        "--auth-root-authentication-method=socket");
    server = new ProcessBuilder(daemon.toString(), "--defaults-file=" + base.resolve("my.cnf"))
        .redirectErrorStream(true).redirectOutput(base.resolve("stdout.log").toFile()).start();
    awaitSocket();
    sql("CREATE DATABASE " + appDatabase() + "; CREATE USER 'app'@'%' IDENTIFIED BY '" + PASSWORD + "';"
        + " GRANT ALL ON " + appDatabase() + ".* TO 'app'@'%'; CREATE DATABASE " + certDatabase() + ";"
        + " CREATE USER '" + TestCertificates.CLIENT_USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'"
        + " REQUIRE SUBJECT '/CN=" + TestCertificates.CLIENT_USER + "' AND ISSUER '/CN=Test CA 1';"
        + " GRANT ALL ON " + certDatabase() + ".* TO '" + TestCertificates.CLIENT_USER + "'@'%';");
  }

  private void awaitSocket() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        sql("SELECT 1");
        return;
      } catch (IllegalStateException notYet) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("mariadbd did not start: " + Files.readString(log()), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  /** As root over the private socket (unix_socket authentication): the one way in without TLS. */
  private void sql(String statements) throws Exception {
    Command.run(null, "mariadb", "--no-defaults", "-S", socket().toString(), "-u", "root", "-e", statements);
  }

  @Override
  public void present(String certificate) throws Exception {
    Files.copy(pki.path(certificate + ".crt"), base.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.path(certificate + ".key"), base.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
    Command.giveTo(OS_USER, base);
    sql("FLUSH SSL");
  }

  @Override
  public String kind() {
    return "mysql";
  }

  @Override
  public int port() {
    return port;
  }

  /** With log-warnings = 4 the server logs every connection that ends, with its user, once logged in. */
  @Override
  public String loggedInLine(String user) {
    return "user: '" + user + "'";
  }

  private Path socket() {
    return base.resolve("mysqld.sock");
  }

  @Override
  public Path log() {
    return base.resolve("error.log");
  }

  @Override
  public void close() throws Exception {
    try {
      if (server != null) {
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
      }
    } finally {
      Command.run(null, "rm", "-rf", base.toString());
    }
  }
}
