package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.PemMaterial;
import io.mcpgateway.bootstrap.db.TlsFiles.PemFile;
import io.mcpgateway.bootstrap.error.BootstrapException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.HostAddress;
import org.mariadb.jdbc.export.ExceptionFactory;
import org.mariadb.jdbc.plugin.tls.main.DefaultTlsSocketPlugin;

/**
 * Connector/J's TLS for ssl-mode VERIFY_CA and VERIFY_IDENTITY ({@code tlsSocketType}): trusts the
 * {@code serverSslCert} PEM file alone, so an untrusted server fails the handshake before the
 * login, and presents the client certificate from PEM files (the driver reads keys from key stores
 * only). The host name check for verify-full is the driver's own. Found by the driver through
 * {@code META-INF/services}.
 */
public final class PemTlsSocketPlugin extends DefaultTlsSocketPlugin {

  static final String TYPE = "db-bootstrap-agent-pem";
  static final String CLIENT_CERT = "agentSslCert";
  static final String CLIENT_KEY = "agentSslKey";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TrustManager[] getTrustManager(Configuration conf, ExceptionFactory exceptionFactory, HostAddress hostAddress)
      throws SQLException {
    PemFile ca = new PemFile("ssl-ca", Path.of(conf.serverSslCert()));
    return new TrustManager[] {read(() -> PemMaterial.trustManager(ca), exceptionFactory)};
  }

  /** The driver asks for trust and keys apart: each reads only its own files. */
  @Override
  public KeyManager[] getKeyManager(Configuration conf, ExceptionFactory exceptionFactory) throws SQLException {
    String cert = conf.nonMappedOptions().getProperty(CLIENT_CERT);
    String key = conf.nonMappedOptions().getProperty(CLIENT_KEY);
    if (cert == null || key == null) {
      return null;
    }
    return read(() -> PemMaterial.keyManagers(new PemFile("ssl-cert", Path.of(cert)), new PemFile("ssl-key", Path.of(key))),
        exceptionFactory);
  }

  private static <T> T read(Supplier<T> pem, ExceptionFactory exceptionFactory) throws SQLException {
    try {
      return pem.get();
    } catch (BootstrapException e) {
      throw exceptionFactory.create(e.getMessage(), "08000", e);
    }
  }
}
