package io.mcpgateway.bootstrap.serve;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.json.JsonObject;

/**
 * Whether the agent stays up after the bootstrap to serve metrics and health, and on which port.
 * {@code SERVE} and {@code HTTP_PORT} come from the same settings as everything else.
 */
public record ServeConfig(boolean serve, int httpPort) {

  public static final int DEFAULT_PORT = 9464;

  public static ServeConfig from(JsonObject settings, boolean serveFlag) {
    JsonObject withDefaults = new JsonObject().put("SERVE", "false").put("HTTP_PORT", String.valueOf(DEFAULT_PORT))
        .mergeIn(settings);
    String port = String.valueOf(withDefaults.getValue("HTTP_PORT")).strip();
    return new ServeConfig(serveFlag || BootstrapConfig.flag(withDefaults, "SERVE"), port(port));
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
