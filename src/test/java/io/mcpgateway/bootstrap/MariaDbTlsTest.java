package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.tls.TlsMariaDbServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The mysql client's names: ssl-mode VERIFY_IDENTITY / VERIFY_CA, ssl-ca, ssl-cert, ssl-key. */
class MariaDbTlsTest extends VerifiedTlsTestBase {

  @BeforeAll
  static void start() throws Exception {
    startServer(TlsMariaDbServer::start);
  }

  @Override
  String verifyFull(Path ca) {
    return "ssl-mode=VERIFY_IDENTITY&ssl-ca=" + ca;
  }

  @Override
  String verifyCa(Path ca) {
    return "ssl-mode=VERIFY_CA&ssl-ca=" + ca;
  }

  @Override
  String clientCertificate(Path cert, Path key) {
    return "ssl-cert=" + cert + "&ssl-key=" + key;
  }

  @Override
  String disabled() {
    return "ssl-mode=DISABLED";
  }

  /** MariaDB answers a login without TLS as it answers a wrong password (1045): a rejected login. */
  @Override
  Reason withoutTls() {
    return Reason.AUTH;
  }

  @Override
  String caParameter() {
    return "ssl-ca";
  }
}
