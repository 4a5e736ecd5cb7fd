package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A connection's TLS as its URL asked for it: the mode and, to verify, the files. Checked when the
 * URL is read (a verifying mode needs a CA, a client certificate needs its key); the files
 * themselves are read when connecting, on a worker ({@link PemMaterial}).
 */
public record TlsSettings(TlsMode mode, TlsFiles files) {

  /** No files: the mode encrypts (or not) without verifying. */
  public static TlsSettings unverified(TlsMode mode) {
    return new TlsSettings(mode, null);
  }

  /**
   * A mode and the URL's file parameters (each null when absent), checked together. A CA turns
   * {@code REQUIRE} into {@code VERIFY_CA}, as libpq and the mysql client do; a CA or a client
   * certificate with a mode that would not verify is refused rather than ignored.
   *
   * @param spelled the mode as the URL wrote it, for messages ("sslmode=prefer")
   */
  public static TlsSettings of(TlsMode mode, String caParameter, String ca, String certParameter, String cert,
                               String keyParameter, String key, String spelled) {
    TlsMode effective = mode == TlsMode.REQUIRE && ca != null ? TlsMode.VERIFY_CA : mode;
    if ((cert == null) != (key == null)) {
      throw badUrl(certParameter + " and " + keyParameter + " go together: the client certificate and its key");
    }
    if (!effective.verifies()) {
      if (ca != null || cert != null) {
        throw badUrl((ca != null ? caParameter : certParameter) + " is given but " + spelled
            + " does not verify the server: use the verifying mode");
      }
      return unverified(effective);
    }
    if (ca == null) {
      throw badUrl(spelled + " verifies the server's certificate and needs " + caParameter
          + "=FILE, the PEM file of the CA that signed it");
    }
    return new TlsSettings(effective, new TlsFiles(file(caParameter, ca),
        cert == null ? null : file(certParameter, cert), key == null ? null : file(keyParameter, key)));
  }

  private static TlsFiles.PemFile file(String parameter, String value) {
    if (value.isBlank()) {
      throw badUrl(parameter + " is empty: give the path of a PEM file");
    }
    try {
      return new TlsFiles.PemFile(parameter, Path.of(value));
    } catch (InvalidPathException e) {
      throw badUrl(parameter + " is not a usable path");
    }
  }

  private static BootstrapException badUrl(String what) {
    return new BootstrapException(Reason.BAD_URL, "DATABASE_URL: " + what);
  }
}
