package io.mcpgateway.bootstrap.serve;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Whether the agent stays up after the bootstrap to serve metrics and health, and where:
 * {@code HTTP_HOST} (all interfaces by default, as a container needs) and {@code HTTP_PORT}. They
 * come from the same settings as everything else.
 */
public record ServeConfig(boolean serve, String httpHost, int httpPort) {

  public static final int DEFAULT_PORT = 9464;
  public static final String ALL_INTERFACES = "0.0.0.0";
  /** An IP literal or a host name: the bind itself tells whether it is one of ours. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%\\[\\]-]{1,253}");

  public static ServeConfig from(JsonObject settings, boolean serveFlag) {
    JsonObject withDefaults = new JsonObject().put("SERVE", "false").put("HTTP_PORT", String.valueOf(DEFAULT_PORT))
        .put("HTTP_HOST", ALL_INTERFACES).mergeIn(settings);
    String port = String.valueOf(withDefaults.getValue("HTTP_PORT")).strip();
    String host = String.valueOf(withDefaults.getValue("HTTP_HOST")).strip();
    if (!HOST.matcher(host).matches()) {
      throw new BootstrapException(Reason.BAD_CONFIG, "HTTP_HOST must be an address or host name to listen on, such as"
          + " 127.0.0.1 or 0.0.0.0");
    }
    return new ServeConfig(serveFlag || BootstrapConfig.flag(withDefaults, "SERVE"), host.replaceAll("^\\[|\\]$", ""), port(port));
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BootstrapException(Reason.BAD_CONFIG, "HTTP_PORT must be a port number from 0 to 65535 (got '" + text + "')");
  }
}
