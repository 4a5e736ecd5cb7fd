package io.mcpgateway.bootstrap.support;

import io.vertx.core.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generators of what an operator or an attacker can type: distinctive secrets (so that "the
 * output does not contain it" means something), characters that break parsers and log lines,
 * and JSON written the way any editor could write it.
 */
public final class HostileArbitraries {

  /** Long enough that no message could hold it by chance, nor any echo the agent keeps short. */
  public static final int SECRET_LENGTH = 32;

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  /** Delimiters of URLs, JSON and paths, line breaks and other controls, and text beyond ASCII. */
  private static final String BREAKERS = ":/@?&=%#[]+;,.-_~'\"\\{}<> \t\n\r\0\u000b\u001b\u007f\u0085\u2028\u00e9\u20ac";

  private HostileArbitraries() {
  }

  /**
   * A random token of {@link #SECRET_LENGTH} letters and digits, never shrunk: no edge case
   * ("AAAA...") that another generated part could contain by chance.
   */
  public static Arbitrary<String> secrets() {
    return Arbitraries.randomValue(random -> {
      StringBuilder secret = new StringBuilder(SECRET_LENGTH);
      for (int i = 0; i < SECRET_LENGTH; i++) {
        secret.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
      }
      return secret.toString();
    });
  }

  /** Characters that mean something to a parser or a terminal, plus a surrogate pair and a lone surrogate. */
  public static Arbitrary<String> breakers() {
    return Arbitraries.oneOf(
        Arbitraries.of(BREAKERS.chars().mapToObj(c -> String.valueOf((char) c)).toList()),
        Arbitraries.of("\uD83D\uDE00", "\uD800", "\uDFFF", "\uFEFF"),
        badPercentEscapes());
  }

  /** Escapes a decoder must survive: cut short, not hex, bytes that are not UTF-8, encoded controls. */
  public static Arbitrary<String> badPercentEscapes() {
    return Arbitraries.of("%", "%4", "%zz", "%%", "%C3", "%FF", "%C0%AF", "%00", "%0A", "%0D", "%E2%80%A8", "%1B[31m");
  }

  /** Short strings of letters, digits and breakers. */
  public static Arbitrary<String> hostileStrings() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().withChars(ALPHANUMERIC).ofMinLength(1).ofMaxLength(6)),
        Tuple.of(2, breakers()));
    return piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  /**
   * JSON text with every character beyond ASCII escaped, as some editors and tools write it: a lone
   * surrogate survives the trip to a UTF-8 file this way.
   */
  public static String asciiJson(Object value) {
    String json = Json.encode(value);
    StringBuilder ascii = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x7f) {
        ascii.append(c);
      } else {
        ascii.append("\\u").append(Integer.toHexString(0x10000 | c), 1, 5);
      }
    }
    return ascii.toString();
  }
}
