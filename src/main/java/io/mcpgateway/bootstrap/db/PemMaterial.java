package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.db.TlsFiles.PemFile;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust and key managers of a verified connection, read from PEM files with the JDK alone, the
 * same for the reactive clients and the JDBC drivers (so all four verify alike). Blocking: call it
 * on a worker. A file that is missing, unreadable or not what its parameter needs is a
 * {@code BAD_CONFIG} line naming the parameter and the file, never its content.
 */
public final class PemMaterial {

  private static final Pattern PKCS8 = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

  private final X509ExtendedTrustManager trust;
  private final KeyManager[] keys;

  private PemMaterial(X509ExtendedTrustManager trust, KeyManager[] keys) {
    this.trust = trust;
    this.keys = keys;
  }

  /** Reads the files; fails with a {@code BAD_CONFIG} that names the parameter and the file. */
  public static PemMaterial read(TlsFiles files) {
    X509ExtendedTrustManager trust = trustManager(files.ca());
    KeyManager[] keys = files.hasClientCertificate() ? keyManagers(files.clientCertificate(), files.clientKey()) : null;
    return new PemMaterial(trust, keys);
  }

  /** Trusts the CA file's certificates alone (not the JDK's defaults). */
  public X509ExtendedTrustManager trustManager() {
    return trust;
  }

  /** The client certificate's key manager, or null when no client certificate was given. */
  public KeyManager[] keyManagers() {
    return keys;
  }

  /** A context that trusts the CA file and presents the client certificate, if any. */
  public SSLContext sslContext(TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trustManager}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new BootstrapException(Reason.BAD_CONFIG, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** A trust manager for the CA file alone, for a client that asks for trust and keys apart. */
  public static X509ExtendedTrustManager trustManager(PemFile ca) {
    Collection<? extends Certificate> certificates = certificates(ca);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new GeneralSecurityException("no X.509 trust manager");
    } catch (GeneralSecurityException | IOException e) {
      throw unusable(ca, "its certificates cannot be trusted (" + e.getMessage() + ")");
    }
  }

  /** The key managers of a client certificate and its key, for a client that asks for them apart. */
  public static KeyManager[] keyManagers(PemFile certificate, PemFile key) {
    Certificate[] chain = certificates(certificate).toArray(Certificate[]::new);
    PrivateKey privateKey = privateKey(key);
    try {
      char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray(); // in memory only
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", privateKey, password, chain);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw unusable(key, "the key does not go with " + certificate + " (" + e.getMessage() + ")");
    }
  }

  private static Collection<? extends Certificate> certificates(PemFile file) {
    byte[] content = read(file);
    try {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(content));
      if (certificates.isEmpty()) {
        throw unusable(file, "it holds no PEM certificate");
      }
      return certificates;
    } catch (CertificateException e) {
      throw unusable(file, "it holds no readable PEM certificate");
    }
  }

  /** An unencrypted PKCS#8 key ("BEGIN PRIVATE KEY"), what openssl writes by default. */
  private static PrivateKey privateKey(PemFile file) {
    String text = new String(read(file), StandardCharsets.US_ASCII);
    Matcher pem = PKCS8.matcher(text);
    if (!pem.find()) {
      String kind = text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key"
          : text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY") ? "a key in the older format" : "no key";
      throw unusable(file, "it holds " + kind + "; give an unencrypted PKCS#8 PEM key (openssl pkcs8 -topk8 -nocrypt"
          + " -in KEY -out KEY.pem converts one)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.group(1));
    } catch (IllegalArgumentException e) {
      throw unusable(file, "its PEM key is damaged");
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisOne) {
        // try the next algorithm
      }
    }
    throw unusable(file, "its key is of an algorithm Java cannot read");
  }

  private static byte[] read(PemFile file) {
    try {
      return SmallFiles.readBytes(file.path());
    } catch (SmallFiles.Unsuitable e) {
      throw unusable(file, "it " + e.getMessage());
    } catch (IOException | SecurityException e) {
      throw unusable(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static BootstrapException unusable(PemFile file, String why) {
    return new BootstrapException(Reason.BAD_CONFIG, "DATABASE_URL " + file + " cannot be used: " + why);
  }
}
