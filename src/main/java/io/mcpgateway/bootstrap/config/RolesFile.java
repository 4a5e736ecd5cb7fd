package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.db.SmallFiles;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles file, the upstream gateway's way ({@code MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE}): a JSON
 * array of objects with {@code name}, {@code scope} (global, team, personal), {@code permissions}
 * (strings), and optional {@code description} and {@code is_system_role}. Unlike upstream, which
 * logs and skips a bad entry, the whole file is checked before anything is written: any problem is
 * one {@code BAD_CONFIG} line naming the entry's index (from 0) and field, never the file's content.
 * An entry with a built-in role's name and scope replaces that definition.
 */
public final class RolesFile {

  static final String VARIABLE = "MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE";
  private static final Set<String> FIELDS = Set.of("name", "scope", "permissions", "description", "is_system_role");

  private RolesFile() {
  }

  /** The roles a run creates: the built-in ones, overlaid with the file's when it is enabled. Reads a file: a worker's job. */
  public static List<RoleDefinition> roles(BootstrapConfig config) {
    return config.rolesFile() == null ? RoleDefinition.BUILT_IN : overlay(RoleDefinition.BUILT_IN, read(config.rolesFile()));
  }

  static List<RoleDefinition> read(Path file) {
    String text;
    try {
      text = SmallFiles.read(file);
    } catch (NoSuchFileException e) {
      throw bad(file, "does not exist (relative paths are from the working directory)");
    } catch (SmallFiles.Unsuitable e) {
      throw bad(file, e.getMessage());
    } catch (IOException e) {
      throw bad(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    JsonArray entries;
    try {
      entries = new JsonArray(text);
    } catch (DecodeException | ClassCastException e) {
      throw bad(file, "is not a JSON array of role objects");
    }
    List<RoleDefinition> roles = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      RoleDefinition role = entry(file, i, entries.getValue(i));
      Integer earlier = seen.putIfAbsent(role.key().toLowerCase(Locale.ROOT), i);
      if (earlier != null) {
        throw bad(file, "entry " + i + ", fields 'name' and 'scope': the same as entry " + earlier
            + "'s (names compare without case, as MySQL/MariaDB compare them)");
      }
      roles.add(role);
    }
    return roles;
  }

  private static RoleDefinition entry(Path file, int index, Object value) {
    if (!(value instanceof JsonObject entry)) {
      throw bad(file, "entry " + index + " is not a JSON object");
    }
    for (String field : entry.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw bad(file, "entry " + index + " has the unknown field '" + safeName(field) + "'; fields: " + String.join(", ", FIELDS));
      }
    }
    String name = text(file, index, entry, "name", true);
    String scope = text(file, index, entry, "scope", true);
    if (!RoleDefinition.SCOPES.contains(scope)) {
      throw bad(file, "entry " + index + ", field 'scope': must be one of " + String.join(", ", RoleDefinition.SCOPES));
    }
    Object permissions = entry.getValue("permissions");
    if (!(permissions instanceof JsonArray list) || list.stream().anyMatch(p -> !(p instanceof String s) || s.isBlank())) {
      throw bad(file, "entry " + index + ", field 'permissions': must be an array of non-empty strings");
    }
    Object system = entry.getValue("is_system_role", false);
    if (!(system instanceof Boolean)) {
      throw bad(file, "entry " + index + ", field 'is_system_role': must be true or false");
    }
    List<String> granted = list.stream().map(String.class::cast).toList();
    return new RoleDefinition(name, text(file, index, entry, "description", false), scope, granted, (Boolean) system);
  }

  private static String text(Path file, int index, JsonObject entry, String field, boolean required) {
    Object value = entry.getValue(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw bad(file, "entry " + index + ", field '" + field + "': " + (value == null ? "is missing" : "must be a non-empty string"));
    }
    return text.strip();
  }

  /** Built-in roles, each replaced by the file's entry of the same name and scope, then the file's others. */
  static List<RoleDefinition> overlay(List<RoleDefinition> builtIn, List<RoleDefinition> fromFile) {
    Map<String, RoleDefinition> roles = new LinkedHashMap<>();
    builtIn.forEach(role -> roles.put(role.key(), role));
    fromFile.forEach(role -> roles.put(role.key(), role));
    return List.copyOf(roles.values());
  }

  /** A field name is echoed only when it is a plain identifier: nothing else of the file reaches a message. */
  private static String safeName(String field) {
    return field.matches("[A-Za-z_][A-Za-z0-9_]{0,40}") ? field : "(not a plain name)";
  }

  private static BootstrapException bad(Path file, String what) {
    return new BootstrapException(Reason.BAD_CONFIG, VARIABLE + " " + file + ": " + what);
  }
}
