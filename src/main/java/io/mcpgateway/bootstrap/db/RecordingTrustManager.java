package io.mcpgateway.bootstrap.db;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Delegates every check to the real trust manager and keeps the last refusal: a client that turns
 * every handshake failure into "SSL handshake failed" (the reactive PostgreSQL client) would
 * otherwise hide whether the certificate was untrusted or for another host. One per connection.
 */
public final class RecordingTrustManager extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager delegate;
  private final AtomicReference<CertificateException> refusal = new AtomicReference<>();

  public RecordingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** The last certificate the delegate refused, and why; null when none was. */
  public CertificateException refusal() {
    return refusal.get();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    record(() -> delegate.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    record(() -> delegate.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    record(() -> delegate.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private interface Check {
    void run() throws CertificateException;
  }

  private void record(Check check) throws CertificateException {
    try {
      check.run();
    } catch (CertificateException e) {
      refusal.set(e);
      throw e;
    }
  }
}
