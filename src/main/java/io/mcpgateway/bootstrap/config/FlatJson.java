package io.mcpgateway.bootstrap.config;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Reads a settings file that is one flat JSON object (string, whole-number, boolean and null
 * values) without Jackson, whose parser would otherwise start first thing on a one-shot run's main
 * thread, and wait there for BigDecimal's tables. Whatever it does not read exactly as Jackson
 * would (nested values, fractions, large numbers, malformed text) it leaves to Vert.x's
 * Jackson-backed {@link JsonObject}, which decides as before.
 */
final class FlatJson {

  /** Not a flat object this reader takes: Jackson decides. */
  private static final class NotFlat extends RuntimeException {
    NotFlat() {
      super(null, null, false, false);
    }
  }

  private static final NotFlat NOT_FLAT = new NotFlat();
  /** Whole numbers up to this many digits are longs for sure; longer ones go to Jackson. */
  private static final int MAX_DIGITS = 18;

  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  /** The object, when the text is a flat one; empty when Jackson must decide. */
  static Optional<JsonObject> parse(String text) {
    try {
      return Optional.of(new FlatJson(text).object());
    } catch (NotFlat | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private JsonObject object() {
    JsonObject object = new JsonObject();
    skipSpace();
    expect('{');
    skipSpace();
    if (text.charAt(at) == '}') {
      at++;
    } else {
      char separator;
      do {
        skipSpace();
        expect('"');
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        object.put(key, value());
        skipSpace();
        separator = text.charAt(at++);
      } while (separator == ',');
      if (separator != '}') {
        throw NOT_FLAT;
      }
    }
    skipSpace();
    if (at != text.length()) {
      throw NOT_FLAT;
    }
    return object;
  }

  private Object value() {
    char first = text.charAt(at);
    if (first == '"') {
      at++;
      return string();
    }
    if (first == '-' || first >= '0' && first <= '9') {
      return wholeNumber();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    throw NOT_FLAT;
  }

  /** After the opening quote, up to and past the closing one. */
  private String string() {
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw NOT_FLAT; // JSON wants control characters escaped
      }
      value.append(c == '\\' ? escaped() : c);
    }
  }

  private char escaped() {
    char c = text.charAt(at++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(text.charAt(at++), 16);
          if (digit < 0) {
            throw NOT_FLAT;
          }
          code = code * 16 + digit;
        }
        yield (char) code;
      }
      default -> throw NOT_FLAT;
    };
  }

  /** An Integer when it fits, else a Long, as Jackson gives them. */
  private Object wholeNumber() {
    int start = at;
    if (text.charAt(at) == '-') {
      at++;
    }
    int digits = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    int count = at - digits;
    boolean leadingZero = count > 1 && text.charAt(digits) == '0';
    boolean fraction = at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E');
    if (count == 0 || count > MAX_DIGITS || leadingZero || fraction) {
      throw NOT_FLAT;
    }
    long value = Long.parseLong(text, start, at, 10);
    return value == (int) value ? Integer.valueOf((int) value) : Long.valueOf(value);
  }

  private void skipSpace() {
    while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private void expect(char c) {
    if (text.charAt(at++) != c) {
      throw NOT_FLAT;
    }
  }
}
