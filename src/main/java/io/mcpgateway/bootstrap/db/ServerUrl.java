package io.mcpgateway.bootstrap.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of a server URL every server vendor shares: {@code //user:password@host:port/database?query},
 * percent-decoded, with {@code user} and {@code password} also taken from the query. The other
 * query parameters are handed to the vendor, which accepts or refuses each by name.
 */
public record ServerUrl(String host, int port, String database, String user, String password,
                        Map<String, String> parameters) {

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.+-]{1,24}");

  /**
   * @param vendor the vendor reading it, for its name, default port and messages
   * @param defaultPort the port when the URL names none
   */
  public static ServerUrl parse(Vendor vendor, String afterScheme, int defaultPort) {
    if (!afterScheme.startsWith("//")) {
      throw DatabaseUrl.bad("DATABASE_URL for " + vendor.displayName() + " must look like " + vendor.name()
          + "://user:pass@host:port/db");
    }
    String body = afterScheme.substring(2);
    int queryAt = body.indexOf('?');
    String query = queryAt >= 0 ? body.substring(queryAt + 1) : "";
    String main = queryAt >= 0 ? body.substring(0, queryAt) : body;
    int at = main.lastIndexOf('@');
    String userInfo = at >= 0 ? main.substring(0, at) : null;
    String location = main.substring(at + 1);
    int slash = location.indexOf('/');
    String hostPort = slash >= 0 ? location.substring(0, slash) : location;
    String database = slash >= 0 ? decode(location.substring(slash + 1)) : "";

    String user = null;
    String password = null;
    if (userInfo != null) {
      int split = userInfo.indexOf(':');
      user = decode(split >= 0 ? userInfo.substring(0, split) : userInfo);
      password = split >= 0 ? decode(userInfo.substring(split + 1)) : null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        // Not echoed: with its '=' lost, "password=secret" is one word that holds the password.
        throw DatabaseUrl.bad("DATABASE_URL has a query parameter without '=' (each is name=value)");
      }
      String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = decode(pair.substring(eq + 1));
      switch (key) {
        case "user" -> user = value;
        case "password" -> password = value;
        default -> parameters.put(key, value);
      }
    }
    String host = hostPort;
    int port = defaultPort;
    int portColon = hostPort.lastIndexOf(':');
    if (portColon >= 0 && portColon > hostPort.lastIndexOf(']')) {
      host = hostPort.substring(0, portColon);
      port = port(hostPort.substring(portColon + 1));
    }
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (host.isEmpty()) {
      throw DatabaseUrl.bad("DATABASE_URL names no host");
    }
    if (database.isEmpty()) {
      throw DatabaseUrl.bad("DATABASE_URL names no database (add /dbname after the host)");
    }
    // Like libpq and the mysql client, no user means the operating-system user.
    String effectiveUser = user == null || user.isEmpty() ? System.getProperty("user.name") : user;
    return new ServerUrl(host, port, database, effectiveUser, password, parameters);
  }

  /** The parsed URL for {@code vendor}, with the parameters it accepted. */
  public DatabaseUrl toDatabaseUrl(Vendor vendor, Map<String, String> accepted) {
    return new DatabaseUrl(vendor, host, port, database, user, password, null, accepted);
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw DatabaseUrl.bad("DATABASE_URL has a port that is not a number from 1 to 65535");
  }

  /**
   * A parameter's name or value as a message may show it: quoted when it is a short plain word, else
   * not at all. A URL that lost an '&' or an '=' can hold its password in either.
   */
  public static String shown(String text) {
    return PLAIN_WORD.matcher(text).matches() ? "'" + text + "'" : "(not a plain word)";
  }

  /** Percent-decoding as in a URL's user info: '+' stays a plus (unlike form encoding). */
  public static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  @Override
  public String toString() {
    return "ServerUrl[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
