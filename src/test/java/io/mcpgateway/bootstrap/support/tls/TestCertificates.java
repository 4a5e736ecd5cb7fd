package io.mcpgateway.bootstrap.support.tls;

import io.mcpgateway.bootstrap.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PKI made with openssl (EC P-256, a day long): the test CA, an unrelated CA, a server
 * certificate for localhost and 127.0.0.1, one for another host name, and a client certificate
 * for the user {@code certuser}; keys in unencrypted PKCS#8 PEM, as openssl writes them, and one in
 * the older format the agent refuses.
 */
public final class TestCertificates {

  public static final String CLIENT_USER = "certuser";

  private final Path folder;

  private TestCertificates(Path folder) {
    this.folder = folder;
  }

  /** Makes them in {@code folder} (skips the test when openssl is missing). */
  public static TestCertificates make(Path folder) throws IOException, InterruptedException {
    String openssl = Tools.require("openssl", "apt-get install openssl");
    Files.createDirectories(folder);
    TestCertificates pki = new TestCertificates(folder);
    pki.authority(openssl, "ca", "Test CA 1");
    pki.authority(openssl, "other-ca", "Test CA 2");
    pki.leaf(openssl, "server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "serverAuth");
    pki.leaf(openssl, "otherhost", "db.example.test", "subjectAltName=DNS:db.example.test", "serverAuth");
    pki.leaf(openssl, "client", CLIENT_USER, "", "clientAuth");
    Command.run(null, openssl, "pkey", "-in", pki.path("client.key").toString(), "-traditional", "-out",
        pki.path("client.old-format.key").toString());
    return pki;
  }

  public Path path(String name) {
    return folder.resolve(name);
  }

  public Path ca() {
    return path("ca.crt");
  }

  public Path otherCa() {
    return path("other-ca.crt");
  }

  private void authority(String openssl, String name, String commonName) throws IOException, InterruptedException {
    key(openssl, name);
    Command.run(null, openssl, "req", "-x509", "-new", "-key", path(name + ".key").toString(), "-sha256", "-days", "1",
        "-subj", "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", path(name + ".crt").toString());
  }

  private void leaf(String openssl, String name, String commonName, String san, String usage)
      throws IOException, InterruptedException {
    key(openssl, name);
    Path request = path(name + ".csr");
    Path extensions = Files.writeString(path(name + ".ext"), "basicConstraints=CA:FALSE\n"
        + "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=" + usage + "\n" + san + "\n");
    Command.run(null, openssl, "req", "-new", "-key", path(name + ".key").toString(), "-subj", "/CN=" + commonName,
        "-out", request.toString());
    Command.run(null, openssl, "x509", "-req", "-in", request.toString(), "-CA", ca().toString(), "-CAkey",
        path("ca.key").toString(), "-CAcreateserial", "-days", "1", "-sha256", "-extfile", extensions.toString(),
        "-out", path(name + ".crt").toString());
    Files.delete(request);
    Files.delete(extensions);
  }

  private void key(String openssl, String name) throws IOException, InterruptedException {
    Command.run(null, openssl, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        path(name + ".key").toString());
  }
}
