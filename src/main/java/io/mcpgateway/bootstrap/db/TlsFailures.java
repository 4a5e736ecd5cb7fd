package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What went wrong when a verified TLS connection did not open, as one line: the server's
 * certificate is not signed by the CA file, or it was made for another host name. Each client
 * words these its own way (and the reactive PostgreSQL client not at all: see
 * {@link RecordingTrustManager}); this looks through the whole chain of causes. A TLS failure is
 * never retried: another try meets the same certificate.
 */
public final class TlsFailures {

  private TlsFailures() {
  }

  /**
   * The failure as a {@code TLS_FAILED} line, or empty when it was not about the certificate.
   *
   * @param recorded what the trust manager refused, when the client hid it (may be null)
   */
  public static Optional<BootstrapException> classify(Throwable failure, DatabaseUrl url, TlsSettings tls,
                                                      CertificateException recorded) {
    if (tls == null || !tls.mode().verifies()) {
      return Optional.empty();
    }
    boolean handshake = recorded != null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (isHostMismatch(message)) {
        return Optional.of(hostMismatch(url, message, failure));
      }
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
          || message.contains("PKIX path") || message.contains("Self signed certificates")) {
        return Optional.of(notTrusted(url, tls, failure));
      }
      handshake |= t instanceof SSLException || message.contains("SSL handshake failed");
    }
    if (recorded != null) {
      return classify(recorded, url, tls, null).or(() -> Optional.of(notTrusted(url, tls, failure)));
    }
    return handshake ? Optional.of(new BootstrapException(Reason.TLS_FAILED, "the TLS handshake with " + url.where()
        + " failed (" + ConnectionFailures.safe(ConnectionFailures.rootMessage(failure), url)
        + "); check that the server speaks TLS and the files in DATABASE_URL", failure)) : Optional.empty();
  }

  private static boolean isHostMismatch(String message) {
    return message.startsWith("No subject alternative") || message.startsWith("No name matching")
        || message.contains("could not be verified by hostnameverifier") || message.contains("hostname verification failed");
  }

  private static BootstrapException hostMismatch(DatabaseUrl url, String message, Throwable failure) {
    return new BootstrapException(Reason.TLS_FAILED, "the certificate of " + url.where() + " was made for another host"
        + " name than '" + url.host() + "' (" + ConnectionFailures.safe(message.lines().findFirst().orElse(""), url)
        + "); connect by a name the certificate lists, or verify the CA alone (verify-ca)", failure);
  }

  private static BootstrapException notTrusted(DatabaseUrl url, TlsSettings tls, Throwable failure) {
    return new BootstrapException(Reason.TLS_FAILED, "the certificate of " + url.where() + " is not trusted: no CA in "
        + tls.files().ca() + " signed it; give the CA that signed the server's certificate, or check that"
        + " DATABASE_URL points at the right server", failure);
  }
}
