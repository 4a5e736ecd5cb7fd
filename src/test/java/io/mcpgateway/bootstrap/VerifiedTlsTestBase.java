package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.tls.TestCertificates;
import io.mcpgateway.bootstrap.support.tls.TlsServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verified TLS against a real server that accepts nothing else, on both clients (the reactive one
 * the run uses, and the JDBC driver Flyway uses). Each failure names its cause in one line, is
 * final (never retried), comes before the password is sent, and never shows it. A subclass starts
 * the server and says how its URL spells the TLS parameters.
 */
@ExtendWith(VertxExtension.class)
abstract class VerifiedTlsTestBase {

  static TestCertificates pki;
  static TlsServer server;
  static Path folder;

  /** Starts the vendor's server on {@code pki}. */
  interface Starter {
    TlsServer start(Path base, TestCertificates pki) throws Exception;
  }

  static void startServer(Starter starter) throws Exception {
    // The servers run as their own users: they may pass through, not list.
    folder = Files.createTempDirectory("tls-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    pki = TestCertificates.make(folder.resolve("pki"));
    server = starter.start(folder.resolve("server"), pki);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (folder != null) {
      io.mcpgateway.bootstrap.support.tls.TestFiles.delete(folder);
    }
  }

  /** The query that verifies the host name with the CA {@code ca}: sslmode=verify-full&sslrootcert=... */
  abstract String verifyFull(Path ca);

  /** The same verifying the CA alone. */
  abstract String verifyCa(Path ca);

  /** The client certificate and key parameters. */
  abstract String clientCertificate(Path cert, Path key);

  /** The query that turns TLS off. */
  abstract String disabled();

  /** The reason a server that requires TLS gives a client that has it off. */
  abstract Reason withoutTls();

  String url(String user, String database, String query) {
    return server.kind() + "://" + user + ":" + TlsServer.PASSWORD + "@localhost:" + server.port() + "/" + database + "?" + query;
  }

  JsonObject settings(String url) {
    return new JsonObject().put("DATABASE_URL", url).put("PLATFORM_ADMIN_PASSWORD", "s3cret-Passw0rd").put("BCRYPT_COST", "4")
        .put("DB_MAX_RETRIES", "3").put("DB_RETRY_INTERVAL_MS", "200");
  }

  @Test
  void verifyFullWithTheRightCaBootstrapsOverTlsOnBothClients(Vertx vertx) throws Throwable {
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings(url("app", server.appDatabase(), verifyFull(pki.ca())))));

    assertEquals("ready", ready.getString("status"));
    assertTrue(ready.getInteger("migrationsApplied") > 0 || "VERSIONED".equals(ready.getString("schemaBefore")),
        "Flyway's JDBC connection went through TLS too: " + ready.encode());
  }

  @Test
  void aServerSignedByAnotherCaIsRefusedBeforeTheLoginAndNamed(Vertx vertx) throws Throwable {
    String url = url("app", server.appDatabase(), verifyFull(pki.otherCa()));
    long mark = server.logMark();
    try (LogCapture logs = new LogCapture()) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings(url)));

      assertEquals(Reason.TLS_FAILED, error.reason(), error.getMessage());
      assertTrue(error.getMessage().contains("is not trusted: no CA in " + caParameter() + "=" + pki.otherCa() + " signed it"),
          error.getMessage());
      assertNoSecret(error, logs);
      assertTrue(logs.lines().stream().noneMatch(line -> line.contains("next in")), "a TLS failure is not retried");
    }
    SQLException jdbc = assertThrows(SQLException.class, () -> jdbcConnect(url));
    assertFalse(String.valueOf(jdbc.getMessage()).contains(TlsServer.PASSWORD));
    assertFalse(server.authenticated("app", mark), "neither client logged in before refusing the certificate");
  }

  @Test
  void aCertificateForAnotherHostFailsVerifyFullAndPassesVerifyCa(Vertx vertx) throws Throwable {
    server.present("otherhost");
    try (LogCapture logs = new LogCapture()) {
      String full = url("app", server.appDatabase(), verifyFull(pki.ca()));
      long mark = server.logMark();
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings(full)));

      assertEquals(Reason.TLS_FAILED, error.reason(), error.getMessage());
      assertTrue(error.getMessage().contains("was made for another host name than 'localhost'"), error.getMessage());
      assertNoSecret(error, logs);
      assertThrows(SQLException.class, () -> jdbcConnect(full));
      assertFalse(server.authenticated("app", mark), "the host name was checked before the login");

      JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings(url("app", server.appDatabase(), verifyCa(pki.ca())))));
      assertEquals("ready", ready.getString("status"));
    } finally {
      server.present("server");
    }
  }

  @Test
  void tlsTurnedOffAgainstAServerThatRequiresItFailsClearly(Vertx vertx) throws Throwable {
    try (LogCapture logs = new LogCapture()) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
          settings(url("app", server.appDatabase(), disabled()))));

      assertEquals(withoutTls(), error.reason(), error.getMessage());
      assertNoSecret(error, logs);
    }
  }

  @Test
  void aClientCertificateLogsInWhereTheServerAsksForOne(Vertx vertx) throws Throwable {
    String withCertificate = verifyFull(pki.ca()) + "&" + clientCertificate(pki.path("client.crt"), pki.path("client.key"));

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings(url(TestCertificates.CLIENT_USER, server.certDatabase(),
        withCertificate))));

    assertEquals("ready", ready.getString("status"));
    BootstrapException without = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        settings(url(TestCertificates.CLIENT_USER, server.certDatabase(), verifyFull(pki.ca())))));
    assertEquals(Reason.AUTH, without.reason(), without.getMessage());
  }

  @Test
  void aMissingOrUnusableFileIsAConfigurationErrorNamingItsParameter(Vertx vertx) throws Throwable {
    Path missing = folder.resolve("no-such-ca.pem");
    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        settings(url("app", server.appDatabase(), verifyFull(missing)))));
    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertTrue(error.getMessage().contains(caParameter() + "=" + missing + " cannot be used: it cannot be read"), error.getMessage());

    String oldKey = verifyFull(pki.ca()) + "&" + clientCertificate(pki.path("client.crt"), pki.path("client.old-format.key"));
    BootstrapException key = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        settings(url(TestCertificates.CLIENT_USER, server.certDatabase(), oldKey))));
    assertEquals(Reason.BAD_CONFIG, key.reason());
    assertTrue(key.getMessage().contains("a key in the older format"), key.getMessage());
    assertFalse(key.getMessage().contains("PRIVATE KEY-----"), "never the file's content");
  }

  /** The URL parameter that names the CA file, as the failure line quotes it. */
  abstract String caParameter();

  private static void jdbcConnect(String url) throws SQLException {
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    DriverManager.getConnection(parsed.jdbcUrl(), parsed.jdbcConnectionProperties()).close();
  }

  private static void assertNoSecret(BootstrapException error, LogCapture logs) {
    assertFalse(error.getMessage().contains(TlsServer.PASSWORD), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
    logs.lines().forEach(line -> assertFalse(line.contains(TlsServer.PASSWORD), line));
  }
}
