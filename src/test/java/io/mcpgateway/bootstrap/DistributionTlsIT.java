package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.UnpackedDistribution;
import io.mcpgateway.bootstrap.support.UnpackedDistribution.Run;
import io.mcpgateway.bootstrap.support.tls.TestCertificates;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.mcpgateway.bootstrap.support.tls.TlsMariaDbServer;
import io.mcpgateway.bootstrap.support.tls.TlsPostgresServer;
import io.mcpgateway.bootstrap.support.tls.TlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distribution's trimmed runtime over verified TLS to a host name, on both clients (the
 * reactive one and Flyway's JDBC): the paths that need java.naming (the certificate's names) and,
 * for MariaDB, jdk.charsets (no warning about collations the runtime cannot decode).
 */
class DistributionTlsIT {

  /** The kind's TLS server and its spelling of "verify the host name against this CA". */
  private record Kind(TlsServerStarter starter, Function<Path, String> verifyFull) {
  }

  private interface TlsServerStarter {
    TlsServer start(Path base, TestCertificates pki) throws Exception;
  }

  private static final Map<String, Kind> KINDS = Map.of(
      "postgresql", new Kind(TlsPostgresServer::start, ca -> "sslmode=verify-full&sslrootcert=" + ca),
      "mysql", new Kind(TlsMariaDbServer::start, ca -> "ssl-mode=VERIFY_IDENTITY&ssl-ca=" + ca));

  private static UnpackedDistribution distribution;

  @BeforeAll
  static void unpackElsewhere() throws Exception {
    distribution = UnpackedDistribution.unpack(UnpackedDistribution.archive());
    distribution.makeReadOnly();
  }

  @AfterAll
  static void removeIt() throws Exception {
    if (distribution != null) {
      distribution.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void verifiedTlsToAHostNameWorksOnTheTrimmedRuntime(String kind) throws Exception {
    distribution.assumeRuntime();
    // The servers run as their own users: they may pass through, not list.
    Path folder = Files.createTempDirectory("dist-tls", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    try {
      TestCertificates pki = TestCertificates.make(folder.resolve("pki"));
      try (TlsServer server = KINDS.get(kind).starter().start(folder.resolve("server"), pki)) {
        String url = kind + "://app:" + TlsServer.PASSWORD + "@localhost:" + server.port() + "/" + server.appDatabase() + "?"
            + KINDS.get(kind).verifyFull().apply(pki.ca());

        Run result = distribution.launch(Map.of("DATABASE_URL", url, "BCRYPT_COST", "4", "PLATFORM_ADMIN_PASSWORD",
            "Distribution-Test1"), false);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Database ready"), result.output());
        assertTrue(result.output().lines().noneMatch(line -> line.contains(" WARN ")), result.output());
        assertTrue(result.mainClassFromCache(), result.output());
      }
    } finally {
      TestFiles.delete(folder);
    }
  }
}
