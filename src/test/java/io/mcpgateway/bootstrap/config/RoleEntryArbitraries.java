package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Entries of the roles file, valid or with one defect each (a missing, blank or mistyped field, a
 * scope that is not one, an unknown field, an entry that is not an object), whose text values all
 * carry the file's secret: the file's content must never reach a message.
 */
final class RoleEntryArbitraries {

  /**
   * @param json what the file holds at this index
   * @param role what it means, or null when the file must be refused for it
   */
  record Entry(Object json, RoleDefinition role) {

    /** The same defective entry with one more field set. */
    Entry put(String field, Object value) {
      ((JsonObject) json).put(field, value);
      return this;
    }

    @Override
    public String toString() {
      return (json instanceof JsonObject object ? object.encode() : String.valueOf(json)) + (role == null ? " (invalid)" : "");
    }
  }

  private RoleEntryArbitraries() {
  }

  /** Makes an entry whose texts hold the file's secret, at its index in the file (which keeps generated names apart). */
  interface Template {
    Entry make(String secret, int index);
  }

  static Arbitrary<Template> entries() {
    return Arbitraries.frequencyOf(Tuple.of(4, valid()), Tuple.of(1, builtInNames()), Tuple.of(2, invalid()));
  }

  private static Arbitrary<String> padding() {
    return Arbitraries.of("", " ", "\t", "\n ");
  }

  private static Arbitrary<Template> valid() {
    Arbitrary<String> texts = HostileArbitraries.hostileStrings();
    Arbitrary<List<String>> permissions = texts.list().ofMaxSize(4);
    return Combinators.combine(texts, Arbitraries.of(RoleDefinition.SCOPES), permissions, texts.injectNull(0.5),
        Arbitraries.of(true, false).injectNull(0.5), padding()).as((name, scope, granted, description, system, pad) ->
        (secret, index) -> {
          String unique = name + secret + "-" + index;
          List<String> permitted = granted.stream().map(permission -> "tools." + permission + secret).toList();
          JsonObject json = new JsonObject().put("name", pad + unique + pad).put("scope", scope)
              .put("permissions", new JsonArray(permitted));
          String described = description == null ? null : pad + description + secret;
          if (described != null) {
            json.put("description", described);
          }
          if (system != null) {
            json.put("is_system_role", system);
          }
          return new Entry(json, new RoleDefinition(unique.strip(), described == null ? null : described.strip(), scope, permitted,
              Boolean.TRUE.equals(system)));
        });
  }

  /** An entry with a built-in role's name and scope, which replaces its definition. */
  private static Arbitrary<Template> builtInNames() {
    return Combinators.combine(Arbitraries.of(RoleDefinition.BUILT_IN), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
        .list().ofMaxSize(2)).as((builtIn, granted) -> (secret, index) -> new Entry(new JsonObject().put("name", builtIn.name())
        .put("scope", builtIn.scope()).put("permissions", new JsonArray(granted)),
        new RoleDefinition(builtIn.name(), null, builtIn.scope(), granted, false)));
  }

  /** One defect each. */
  private static Arbitrary<Template> invalid() {
    List<Template> defects = List.of(
        (secret, index) -> base(secret, index).put("name", (Object) null), (secret, index) -> without(base(secret, index), "name"),
        (secret, index) -> base(secret, index).put("name", " \t"), (secret, index) -> base(secret, index).put("name", 42),
        (secret, index) -> base(secret, index).put("name", new JsonArray().add(secret)),
        (secret, index) -> without(base(secret, index), "scope"), (secret, index) -> base(secret, index).put("scope", "Global"),
        (secret, index) -> base(secret, index).put("scope", secret), (secret, index) -> base(secret, index).put("scope", 1),
        (secret, index) -> without(base(secret, index), "permissions"),
        (secret, index) -> base(secret, index).put("permissions", secret),
        (secret, index) -> base(secret, index).put("permissions", new JsonArray().add("")),
        (secret, index) -> base(secret, index).put("permissions", new JsonArray().add(" ")),
        (secret, index) -> base(secret, index).put("permissions", new JsonArray().add(7)),
        (secret, index) -> base(secret, index).put("permissions", new JsonArray().addNull()),
        (secret, index) -> base(secret, index).put("is_system_role", "true"),
        (secret, index) -> base(secret, index).put("is_system_role", 1),
        (secret, index) -> base(secret, index).put("description", "  "),
        (secret, index) -> base(secret, index).put("description", 3.5),
        (secret, index) -> base(secret, index).put("colour", secret), (secret, index) -> base(secret, index).put(secret + " x", 1),
        (secret, index) -> base(secret, index).put("Name", secret),
        (secret, index) -> new Entry(secret, null), (secret, index) -> new Entry(17, null),
        (secret, index) -> new Entry(new JsonArray().add(base(secret, index).json()), null),
        (secret, index) -> new Entry(false, null));
    return Arbitraries.of(defects);
  }

  /** A valid entry, for a defect to spoil. */
  private static Entry base(String secret, int index) {
    return new Entry(new JsonObject().put("name", "role-" + index + "-" + secret).put("scope", "team")
        .put("permissions", new JsonArray().add("tools.read")), null);
  }

  private static Entry without(Entry base, String field) {
    ((JsonObject) base.json()).remove(field);
    return base;
  }

  /** Names compare without case, as MySQL/MariaDB compare them. */
  static String identity(RoleDefinition role) {
    return role.key().toLowerCase(Locale.ROOT);
  }
}
