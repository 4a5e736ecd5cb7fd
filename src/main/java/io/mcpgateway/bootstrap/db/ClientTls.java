package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import javax.net.ssl.X509KeyManager;

/**
 * A reactive client's TLS for one connection attempt: the options to connect with and, for a
 * verifying mode, the trust manager that remembers why it refused a certificate. The PEM files are
 * read before the connection starts (on a worker): a client handed a bad file would otherwise wait
 * for a handshake that never comes.
 */
public final class ClientTls {

  private final TlsSettings settings;
  private final ClientSSLOptions options;
  private final RecordingTrustManager recorder;

  private ClientTls(TlsSettings settings, ClientSSLOptions options, RecordingTrustManager recorder) {
    this.settings = settings;
    this.options = options;
    this.recorder = recorder;
  }

  /**
   * The options for {@code settings}: none to disable; trust in anything to encrypt without
   * verifying (libpq's prefer and require); else the CA file alone, plus the host name for
   * {@code VERIFY_FULL}, and the client certificate when given. Never trust-all with a CA file: it
   * would switch the verification off.
   */
  public static Future<ClientTls> prepare(TlsSettings settings, WorkerExecutor worker) {
    if (settings.mode() == TlsMode.DISABLE) {
      return Future.succeededFuture(new ClientTls(settings, null, null));
    }
    if (!settings.mode().verifies()) {
      return Future.succeededFuture(new ClientTls(settings, new ClientSSLOptions().setTrustAll(true), null));
    }
    return worker.executeBlocking(() -> PemMaterial.read(settings.files()), false).map(material -> {
      RecordingTrustManager recorder = new RecordingTrustManager(material.trustManager());
      ClientSSLOptions options = new ClientSSLOptions()
          .setTrustOptions(TrustOptions.wrap(recorder))
          .setHostnameVerificationAlgorithm(settings.mode() == TlsMode.VERIFY_FULL ? "HTTPS" : "");
      if (material.keyManagers() != null) {
        options.setKeyCertOptions(KeyCertOptions.wrap((X509KeyManager) material.keyManagers()[0]));
      }
      return new ClientTls(settings, options, recorder);
    });
  }

  public TlsMode mode() {
    return settings.mode();
  }

  /** Null when TLS is disabled. */
  public ClientSSLOptions options() {
    return options;
  }

  /**
   * A connection through these options that did not open, as its one line: a TLS failure when the
   * certificate was the cause, else what the database's {@code codes} make of it.
   */
  public BootstrapException classify(Throwable failure, DatabaseUrl url, ConnectionFailures.Codes codes) {
    return TlsFailures.classify(failure, url, settings, recorder == null ? null : recorder.refusal())
        .orElseGet(() -> ConnectionFailures.classify(failure, url, codes));
  }
}
