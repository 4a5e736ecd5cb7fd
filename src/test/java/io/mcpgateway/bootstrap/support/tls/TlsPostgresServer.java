package io.mcpgateway.bootstrap.support.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster (initdb into a temporary folder, its own port on 127.0.0.1) with
 * {@code ssl = on} and hostssl lines only: a connection without TLS is rejected. {@code app} logs
 * in with a password (scram-sha-256), {@code certuser} with its client certificate alone.
 */
public final class TlsPostgresServer implements TlsServer {

  private static final String OS_USER = "postgres";

  private final Path base;
  private final Path bin;
  private final int port;
  private final TestCertificates pki;

  private TlsPostgresServer(Path base, Path bin, int port, TestCertificates pki) {
    this.base = base;
    this.bin = bin;
    this.port = port;
    this.pki = pki;
  }

  /** Starts one in {@code base} (skips the test when no PostgreSQL server binaries are installed). */
  public static TlsPostgresServer start(Path base, TestCertificates pki) throws Exception {
    Path bin = binaries();
    Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
    Files.createDirectories(base);
    TlsPostgresServer server = new TlsPostgresServer(base, bin, TlsServer.freePort(), pki);
    try {
      server.init();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    }
  }

  private void init() throws Exception {
    Path data = base.resolve("data");
    Command.giveTo(OS_USER, base);
    Command.run(OS_USER, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "reject",
        "--no-sync", "--no-instructions", "-E", "UTF8", "--no-locale");
    install("server");
    Files.copy(pki.ca(), data.resolve("ca.crt"));
    Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
        "local all postgres peer",
        "hostnossl all all 0.0.0.0/0 reject",
        "hostssl all " + TestCertificates.CLIENT_USER + " 127.0.0.1/32 cert",
        "hostssl all all 127.0.0.1/32 scram-sha-256", ""));
    Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
        "listen_addresses = '127.0.0.1'", "port = " + port, "unix_socket_directories = '" + base + "'",
        "ssl = on", "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'", "ssl_ca_file = 'ca.crt'",
        "password_encryption = 'scram-sha-256'", "fsync = off", "synchronous_commit = off", "full_page_writes = off",
        "shared_buffers = '16MB'", "max_connections = 30", "log_connections = on", ""));
    Command.giveTo(OS_USER, base);
    Command.run(OS_USER, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log().toString(), "-w", "-t", "30", "start");
    psql("CREATE ROLE app LOGIN PASSWORD '" + PASSWORD + "'; CREATE ROLE " + TestCertificates.CLIENT_USER + " LOGIN");
    psql("CREATE DATABASE " + appDatabase() + " OWNER app");
    psql("CREATE DATABASE " + certDatabase() + " OWNER " + TestCertificates.CLIENT_USER);
  }

  /** The certificate and key the server presents, as the server wants them (its own, key 0600). */
  private void install(String certificate) throws Exception {
    Path data = base.resolve("data");
    Files.copy(pki.path(certificate + ".crt"), data.resolve("server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.path(certificate + ".key"), data.resolve("server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(data.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Command.giveTo(OS_USER, data);
  }

  private void psql(String sql) throws Exception {
    Command.run(OS_USER, bin.resolve("psql").toString(), "-h", base.toString(), "-p", Integer.toString(port), "-U", "postgres",
        "-d", "postgres", "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql);
  }

  @Override
  public void present(String certificate) throws Exception {
    install(certificate);
    psql("SELECT pg_reload_conf()");
    Thread.sleep(300); // the postmaster reloads the files on the signal; new connections see them
  }

  @Override
  public String kind() {
    return "postgresql";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String loggedInLine(String user) {
    return "connection authorized: user=" + user;
  }

  @Override
  public Path log() {
    return base.resolve("server.log");
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(base.resolve("data").resolve("postmaster.pid"))) {
        Command.run(OS_USER, bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-m", "fast", "-w", "stop");
      }
    } finally {
      Command.run(null, "rm", "-rf", base.toString());
    }
  }
}
