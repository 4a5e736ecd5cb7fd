package io.mcpgateway.bootstrap.db;

import java.nio.file.Path;

/**
 * The PEM files of a verified TLS connection, each with the URL parameter that named it (for
 * messages): the CA that signed the server's certificate, and optionally the client's own
 * certificate and its key, for a server that asks for one.
 */
public record TlsFiles(PemFile ca, PemFile clientCertificate, PemFile clientKey) {

  /** A file and the parameter it came from: {@code sslrootcert=/etc/db/ca.pem}. */
  public record PemFile(String parameter, Path path) {

    @Override
    public String toString() {
      return parameter + "=" + path;
    }
  }

  public boolean hasClientCertificate() {
    return clientCertificate != null;
  }
}
