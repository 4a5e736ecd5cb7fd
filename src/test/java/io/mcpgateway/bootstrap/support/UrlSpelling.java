package io.mcpgateway.bootstrap.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * The many spellings of one URL: names in any case (schemes and parameter names are read without
 * case), values percent-encoded where they must be and at random where they may be, in either hex
 * case. Every spelling must mean the same.
 */
final class UrlSpelling {

  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  /** These would change a URL's structure (or be stripped at its ends) if written as they are. */
  private static final String MUST_ENCODE = "%:/@?&=#[]";
  private static final String UNRESERVED = ALNUM + "-._~";

  private UrlSpelling() {
  }

  static String anyCase(String text, Random random) {
    StringBuilder cased = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      cased.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
    }
    return cased.toString();
  }

  static String encode(String text, Random random) {
    StringBuilder encoded = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean must = MUST_ENCODE.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
      if (!must && random.nextInt(UNRESERVED.indexOf(c) >= 0 ? 8 : 2) != 0) {
        encoded.appendCodePoint(c);
        return;
      }
      for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
        String hex = String.format("%02X", b & 0xff);
        encoded.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
      }
    });
    return encoded.toString();
  }
}
