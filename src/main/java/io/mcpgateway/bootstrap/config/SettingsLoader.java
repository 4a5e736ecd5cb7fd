package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the flat settings object: the configuration file first, then every environment
 * variable of the same name on top, so an existing gateway's environment works unchanged.
 */
public final class SettingsLoader {

  /** The file read when no {@code --config} is given; absent is fine (defaults apply). */
  public static final Path DEFAULT_FILE = Path.of("conf", "bootstrap.json");

  private SettingsLoader() {
  }

  public static JsonObject load(Path file, boolean mustExist, Map<String, String> environment) {
    JsonObject settings = readFile(file, mustExist);
    for (String key : BootstrapConfig.defaults().fieldNames()) {
      overrideFromEnvironment(settings, environment, key);
    }
    for (String key : BootstrapConfig.OPTIONAL_KEYS) {
      overrideFromEnvironment(settings, environment, key);
    }
    for (String key : new String[] {"HTTP_PORT", "SERVE"}) {
      overrideFromEnvironment(settings, environment, key);
    }
    return settings;
  }

  private static void overrideFromEnvironment(JsonObject settings, Map<String, String> environment, String key) {
    String value = environment.get(key);
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  private static JsonObject readFile(Path file, boolean mustExist) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (NoSuchFileException e) {
      if (mustExist) {
        throw new BootstrapException(Reason.BAD_CONFIG, "configuration file " + file + " does not exist");
      }
      return new JsonObject();
    } catch (IOException e) {
      throw new BootstrapException(Reason.BAD_CONFIG, "cannot read configuration file " + file + ": " + e.getMessage());
    } catch (DecodeException e) {
      throw new BootstrapException(Reason.BAD_CONFIG, "configuration file " + file + " is not a JSON object");
    }
  }
}
