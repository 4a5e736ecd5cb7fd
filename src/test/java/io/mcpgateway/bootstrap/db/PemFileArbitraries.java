package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.mcpgateway.bootstrap.support.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a TLS file parameter may point at: a real certificate or key, one cut short or with flipped
 * bytes, PEM armour around a random secret-looking body, the wrong kind of PEM, garbage, nothing.
 */
final class PemFileArbitraries {

  /** Whether the agent must accept the file in its slot, refuse it, or may do either (a damaged DER can still parse). */
  enum Verdict { ACCEPTED, REFUSED, EITHER }

  /**
   * A file's content (null: no file; empty with {@code directory}: a directory) and what no output
   * may show of it.
   */
  record PemContent(String kind, byte[] content, boolean directory, Verdict asCertificate, Verdict asKey, String secret) {

    /** The verdict in a slot: the CA's and the client certificate's take certificates, the key's a key. */
    Verdict in(boolean keySlot) {
      return keySlot ? asKey : asCertificate;
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  private final TestCertificates pki;

  PemFileArbitraries(TestCertificates pki) {
    this.pki = pki;
  }

  Arbitrary<PemContent> contents() {
    Arbitrary<String> secrets = HostileArbitraries.secrets();
    List<String> certificates = List.of("ca.crt", "other-ca.crt", "client.crt", "server.crt");
    List<String> keys = List.of("client.key", "server.key");
    Arbitrary<PemContent> real = Arbitraries.of(certificates).map(name -> new PemContent(name, read(name), false, Verdict.ACCEPTED,
        Verdict.REFUSED, null));
    Arbitrary<PemContent> realKeys = Arbitraries.of(keys).map(name -> new PemContent(name, read(name), false, Verdict.REFUSED,
        Verdict.ACCEPTED, body(read(name))));
    Arbitrary<PemContent> oldKey = Arbitraries.just(new PemContent("old-format key", read("client.old-format.key"), false,
        Verdict.REFUSED, Verdict.REFUSED, body(read("client.old-format.key"))));
    Arbitrary<PemContent> truncated = Combinators.combine(Arbitraries.of(certificates.get(0), keys.get(0)), Arbitraries.doubles()
        .between(0.05, 0.95)).as((name, at) -> {
          byte[] whole = read(name);
          byte[] cut = java.util.Arrays.copyOf(whole, (int) (at * whole.length));
          return new PemContent("truncated " + name, cut, false, name.endsWith(".crt") ? Verdict.EITHER : Verdict.REFUSED,
              Verdict.REFUSED, null);
        });
    Arbitrary<PemContent> flipped = Combinators.combine(Arbitraries.of(certificates.get(2), keys.get(0)), Arbitraries.longs())
        .as((name, seed) -> {
          boolean key = name.endsWith(".key");
          return new PemContent("flipped " + name, flip(read(name), new Random(seed)), false, key ? Verdict.REFUSED : Verdict.EITHER,
              key ? Verdict.EITHER : Verdict.REFUSED, null);
        });
    Arbitrary<PemContent> armoured = Combinators.combine(secrets, Arbitraries.of("CERTIFICATE", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
        "RSA PRIVATE KEY", "EC PRIVATE KEY"), Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as((secret, label, noise) -> {
          String body = Base64.getMimeEncoder().encodeToString(concat(secret.getBytes(StandardCharsets.US_ASCII), noise));
          String pem = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
          return new PemContent("armoured " + label, pem.getBytes(StandardCharsets.US_ASCII), false, Verdict.REFUSED, Verdict.REFUSED,
              secret);
        });
    Arbitrary<PemContent> garbage = Combinators.combine(secrets, HostileArbitraries.hostileStrings(), Arbitraries.bytes()
        .array(byte[].class).ofMaxSize(64)).as((secret, text, noise) -> new PemContent("garbage", concat(noise,
        (text + secret + text).getBytes(StandardCharsets.UTF_8)), false, Verdict.REFUSED, Verdict.REFUSED, secret));
    Arbitrary<PemContent> nothing = Arbitraries.of(
        new PemContent("empty", new byte[0], false, Verdict.REFUSED, Verdict.REFUSED, null),
        new PemContent("missing", null, false, Verdict.REFUSED, Verdict.REFUSED, null),
        new PemContent("directory", new byte[0], true, Verdict.REFUSED, Verdict.REFUSED, null));
    return Arbitraries.frequencyOf(Tuple.of(6, real), Tuple.of(4, realKeys), Tuple.of(1, oldKey), Tuple.of(2, truncated),
        Tuple.of(2, flipped), Tuple.of(2, armoured), Tuple.of(2, garbage), Tuple.of(1, nothing));
  }

  private byte[] read(String name) {
    try {
      return Files.readAllBytes(pki.path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key's first base64 line: the part of a key file that would give it away. */
  private static String body(byte[] pem) {
    return new String(pem, StandardCharsets.US_ASCII).lines().filter(line -> !line.startsWith("-----")).findFirst().orElse(null);
  }

  /** The same PEM with one to three bytes of its DER body changed. */
  private static byte[] flip(byte[] pem, Random random) {
    List<String> lines = new String(pem, StandardCharsets.US_ASCII).lines().toList();
    String header = lines.get(0);
    String footer = lines.get(lines.size() - 1);
    byte[] der = Base64.getMimeDecoder().decode(String.join("", lines.subList(1, lines.size() - 1)));
    for (int i = 0, flips = 1 + random.nextInt(3); i < flips; i++) {
      der[random.nextInt(der.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return (header + "\n" + Base64.getMimeEncoder().encodeToString(der) + "\n" + footer + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
