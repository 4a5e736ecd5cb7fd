package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.db.SmallFiles;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the flat settings object: the configuration file first, then every environment
 * variable of the same name on top, so an existing gateway's environment works unchanged. The
 * secrets can come from files instead, the Docker and Kubernetes secrets convention:
 * {@code PLATFORM_ADMIN_PASSWORD_FILE} and {@code DATABASE_URL_FILE} name a file whose content,
 * without its trailing line break, is the value.
 */
public final class SettingsLoader {

  /** The file read when no {@code --config} is given; absent is fine (defaults apply). */
  public static final Path DEFAULT_FILE = Path.of("conf", "bootstrap.json");

  private SettingsLoader() {
  }

  /** The settings that may come from a file named by {@code <name>_FILE}. */
  public static final List<String> SECRETS = List.of("PLATFORM_ADMIN_PASSWORD", "DATABASE_URL");
  private static final String FILE_SUFFIX = "_FILE";
  /** Serve mode's settings, read by {@code serve.ServeConfig} (which this package must not import). */
  private static final List<String> SERVE_KEYS = List.of("HTTP_HOST", "HTTP_PORT", "SERVE");

  public static JsonObject load(Path file, boolean mustExist, Map<String, String> environment) {
    JsonObject settings = readFile(file, mustExist);
    for (String secret : SECRETS) {
      secretFromFile(settings, environment, secret);
    }
    for (String key : keys()) {
      overrideFromEnvironment(settings, environment, key);
    }
    return settings;
  }

  /** Every setting, by the name it has in the file and in the environment. */
  public static Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>(BootstrapConfig.defaults().fieldNames());
    keys.addAll(BootstrapConfig.OPTIONAL_KEYS);
    keys.addAll(SERVE_KEYS);
    keys.addAll(PushgatewayConfig.KEYS);
    return keys;
  }

  /**
   * Every environment variable the agent reads: each setting, {@code X_FILE} for each secret, and
   * {@code HOSTNAME} (the Pushgateway instance's default).
   */
  public static Set<String> environmentVariables() {
    Set<String> names = keys();
    SECRETS.forEach(secret -> names.add(secret + FILE_SUFFIX));
    names.add(PushgatewayConfig.HOST_NAME);
    return names;
  }

  /**
   * {@code X_FILE} in the environment, or in the file when the environment names neither: the
   * file's content is X. Both X and X_FILE in one place is an error: which one was meant?
   */
  private static void secretFromFile(JsonObject settings, Map<String, String> environment, String key) {
    String fileKey = key + FILE_SUFFIX;
    boolean inEnvironment = present(environment.get(key));
    boolean fileInEnvironment = present(environment.get(fileKey));
    if (inEnvironment && fileInEnvironment) {
      throw new BootstrapException(Reason.BAD_CONFIG, "both " + key + " and " + fileKey + " are set in the environment; set one");
    }
    String secretFile = fileInEnvironment ? environment.get(fileKey)
        : inEnvironment ? null : settings.getValue(fileKey) == null ? null : settings.getValue(fileKey).toString();
    if (!fileInEnvironment && secretFile != null && settings.containsKey(key)) {
      throw new BootstrapException(Reason.BAD_CONFIG, "both " + key + " and " + fileKey + " are set in the configuration file; set one");
    }
    settings.remove(fileKey);
    if (secretFile != null && !secretFile.isBlank()) {
      settings.put(key, readSecret(fileKey, secretFile.strip()));
    }
  }

  /** The file's content without its trailing line break; a problem names the file, never its content. */
  private static String readSecret(String fileKey, String name) {
    try {
      String content = SmallFiles.read(Path.of(name));
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException | InvalidPathException | UncheckedIOException e) {
      String why = e instanceof SmallFiles.Unsuitable ? e.getMessage() : e.getClass().getSimpleName();
      throw new BootstrapException(Reason.BAD_CONFIG, fileKey + " names a file that cannot be read (" + safeName(name) + ": "
          + why + ")");
    }
  }

  /** A file name echoed in a message: short, without control characters. */
  private static String safeName(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 200 ? clean : clean.substring(0, 200) + "...";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static void overrideFromEnvironment(JsonObject settings, Map<String, String> environment, String key) {
    String value = environment.get(key);
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  private static JsonObject readFile(Path file, boolean mustExist) {
    try {
      String text = SmallFiles.read(file);
      return FlatJson.parse(text).orElseGet(() -> new JsonObject(text));
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
