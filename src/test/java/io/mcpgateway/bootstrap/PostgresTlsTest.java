package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.tls.TlsPostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** libpq's names: sslmode verify-full / verify-ca, sslrootcert, sslcert, sslkey. */
class PostgresTlsTest extends VerifiedTlsTestBase {

  @BeforeAll
  static void start() throws Exception {
    startServer(TlsPostgresServer::start);
  }

  @Override
  String verifyFull(Path ca) {
    return "sslmode=verify-full&sslrootcert=" + ca;
  }

  @Override
  String verifyCa(Path ca) {
    return "sslmode=verify-ca&sslrootcert=" + ca;
  }

  @Override
  String clientCertificate(Path cert, Path key) {
    return "sslcert=" + cert + "&sslkey=" + key;
  }

  @Override
  String disabled() {
    return "sslmode=disable";
  }

  /** PostgreSQL says why ("no encryption"): a TLS failure, named so. */
  @Override
  Reason withoutTls() {
    return Reason.TLS_FAILED;
  }

  @Override
  String caParameter() {
    return "sslrootcert";
  }
}
