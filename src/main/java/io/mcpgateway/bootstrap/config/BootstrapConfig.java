package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.JsonObject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything one bootstrap run needs, typed and validated. Built from one flat {@link JsonObject}
 * whose keys are the reference's environment variable names ({@code DATABASE_URL}, ...): the
 * same vocabulary in {@code conf/bootstrap.json}, in the environment and in an embedding
 * gateway's deployment config. {@link #toString()} hides the admin password.
 *
 * @param migrationLocations {@code MIGRATION_LOCATIONS}, comma-separated; empty when not set (the
 *     embedding code's choice, or the bundled migrations, apply)
 * @param rolesFile the roles file when {@code MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED} is on, else null
 * @param skipMigrations {@code MCPGATEWAY_SKIP_MIGRATIONS}: another process migrates; Flyway never runs here
 * @param gatewayReplicas {@code GATEWAY_REPLICAS}: how many replicas share the database
 */
public record BootstrapConfig(DatabaseUrl databaseUrl,
                              boolean emailAuthEnabled,
                              String adminEmail,
                              String adminPassword,
                              String adminFullName,
                              boolean autoCreatePersonalTeams,
                              boolean passwordChangeEnforcementEnabled,
                              boolean adminRequirePasswordChangeOnBootstrap,
                              Duration lockTimeout,
                              int bcryptCost,
                              List<String> migrationLocations,
                              Path rolesFile,
                              ConnectRetry connectRetry,
                              boolean skipMigrations,
                              int gatewayReplicas) {

  /** Optional keys: no default, so the embedding code's choice stands unless one is set. */
  public static final String MIGRATION_LOCATIONS = "MIGRATION_LOCATIONS";
  public static final List<String> OPTIONAL_KEYS = List.of(MIGRATION_LOCATIONS);
  private static final String ROLES_ENABLED = "MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED";

  public static final String DEFAULT_ADMIN_PASSWORD = "changeme";

  /** The defaults of the reference gateway; every key can be overridden. */
  public static JsonObject defaults() {
    return new JsonObject()
        .put("DATABASE_URL", "sqlite:///./mcp.db")
        .put("EMAIL_AUTH_ENABLED", "true")
        .put("PLATFORM_ADMIN_EMAIL", "admin@example.com")
        .put("PLATFORM_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        .put("PLATFORM_ADMIN_FULL_NAME", "Platform Administrator")
        .put("AUTO_CREATE_PERSONAL_TEAMS", "true")
        .put("PASSWORD_CHANGE_ENFORCEMENT_ENABLED", "true")
        .put("ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP", "true")
        .put("MIGRATION_LOCK_TIMEOUT", "300")
        .put("BCRYPT_COST", "12")
        .put(ROLES_ENABLED, "false")
        .put(RolesFile.VARIABLE, "additional_roles_in_db.json")
        .put("DB_MAX_RETRIES", "30")
        .put("DB_RETRY_INTERVAL_MS", "2000")
        .put("MCPGATEWAY_SKIP_MIGRATIONS", "false")
        .put("GATEWAY_REPLICAS", "1");
  }

  /** Reads the settings over the defaults; a missing key takes its default. */
  public static BootstrapConfig from(JsonObject settings) {
    JsonObject all = defaults().mergeIn(settings == null ? new JsonObject() : settings);
    String email = text(all, "PLATFORM_ADMIN_EMAIL");
    if (!email.contains("@")) {
      throw bad("PLATFORM_ADMIN_EMAIL must be an e-mail address");
    }
    return new BootstrapConfig(
        DatabaseUrl.parse(text(all, "DATABASE_URL")),
        flag(all, "EMAIL_AUTH_ENABLED"),
        email,
        password(all),
        text(all, "PLATFORM_ADMIN_FULL_NAME"),
        flag(all, "AUTO_CREATE_PERSONAL_TEAMS"),
        flag(all, "PASSWORD_CHANGE_ENFORCEMENT_ENABLED"),
        flag(all, "ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP"),
        seconds(all, "MIGRATION_LOCK_TIMEOUT"),
        bcryptCost(all),
        list(all, MIGRATION_LOCATIONS),
        flag(all, ROLES_ENABLED) ? path(all, RolesFile.VARIABLE) : null,
        new ConnectRetry(number(all, "DB_MAX_RETRIES", 0, 10_000),
            Duration.ofMillis(number(all, "DB_RETRY_INTERVAL_MS", 10, 3_600_000))),
        flag(all, "MCPGATEWAY_SKIP_MIGRATIONS"),
        number(all, "GATEWAY_REPLICAS", 1, 100_000));
  }

  /** Whether the new admin must change the password at first login: both flags must say so. */
  public boolean adminMustChangePassword() {
    return passwordChangeEnforcementEnabled && adminRequirePasswordChangeOnBootstrap;
  }

  private static String text(JsonObject all, String key) {
    Object value = all.getValue(key);
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      throw bad(key + " is empty");
    }
    return text;
  }

  private static Path path(JsonObject all, String key) {
    try {
      return Path.of(text(all, key));
    } catch (InvalidPathException e) {
      throw bad(key + " is not a usable file name");
    }
  }

  /** A comma-separated list; absent or blank is empty. */
  private static List<String> list(JsonObject all, String key) {
    Object value = all.getValue(key);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  /** Taken as given: spaces around a password are part of it, as in the reference. */
  private static String password(JsonObject all) {
    Object value = all.getValue("PLATFORM_ADMIN_PASSWORD");
    if (value == null || value.toString().isEmpty()) {
      throw bad("PLATFORM_ADMIN_PASSWORD is empty");
    }
    return value.toString();
  }

  /** true/false, 1/0, yes/no, on/off; anything else is an error that names the setting. */
  public static boolean flag(JsonObject all, String key) {
    String value = text(all, key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw bad(key + " must be true or false (got '" + printable(value) + "')");
    };
  }

  private static Duration seconds(JsonObject all, String key) {
    String value = text(all, key);
    try {
      double seconds = Double.parseDouble(value);
      if (seconds > 0 && seconds <= 86_400) {
        return Duration.ofMillis(Math.round(seconds * 1000));
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw bad(key + " must be a number of seconds between 0 and 86400 (got '" + printable(value) + "')");
  }

  private static int bcryptCost(JsonObject all) {
    return number(all, "BCRYPT_COST", 4, 31);
  }

  /** A whole number within bounds; anything else is an error that names the setting and the bounds. */
  static int number(JsonObject all, String key, int min, int max) {
    String value = text(all, key);
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw bad(key + " must be a whole number from " + min + " to " + max + " (got '" + printable(value) + "')");
  }

  /** A value echoed in a message: short, and without control characters. */
  private static String printable(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
  }

  private static BootstrapException bad(String message) {
    return new BootstrapException(Reason.BAD_CONFIG, message);
  }

  @Override
  public String toString() {
    return "BootstrapConfig[database=" + databaseUrl.redacted() + ", emailAuthEnabled=" + emailAuthEnabled
        + ", adminEmail=" + adminEmail + ", adminPassword=***, lockTimeout=" + lockTimeout + "]";
  }
}
