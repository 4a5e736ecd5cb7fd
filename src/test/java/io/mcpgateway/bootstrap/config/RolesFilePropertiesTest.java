package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.config.RoleEntryArbitraries.Entry;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.mcpgateway.bootstrap.support.ParseOutcome;
import io.mcpgateway.bootstrap.support.ScratchFolder;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The roles file ({@code MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE}), read the way a run reads it: the
 * roles it defines over the built-in ones, or one {@code BAD_CONFIG} line naming the first bad
 * entry, never anything the file holds but plain field names.
 */
class RolesFilePropertiesTest {

  private static Path folder;

  /** A roles file: its entries (or its raw bytes), and the secret all its texts hold. */
  record RolesText(String kind, List<Entry> entries, byte[] raw, String secret) {

    @Override
    public String toString() {
      return kind + ": " + (raw != null ? new String(raw, StandardCharsets.UTF_8) : entries);
    }
  }

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = ScratchFolder.create("roles-properties");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    TestFiles.delete(folder);
  }

  @Property(tries = 2000)
  void rolesFiles_2000Tries_defineTheirRolesOrNameTheFirstBadEntry(@ForAll("rolesFiles") RolesText file) throws IOException {
    JsonArray json = new JsonArray();
    file.entries().forEach(entry -> json.add(entry.json()));
    Path path = Files.writeString(folder.resolve("roles.json"), HostileArbitraries.asciiJson(json));

    ParseOutcome<List<RoleDefinition>> outcome = read(path).showsNone(file.secret());

    int firstBad = firstBadEntry(file.entries());
    if (firstBad < 0) {
      assertEquals(overlay(file.entries()), outcome.value());
    } else {
      BootstrapException refused = outcome.refusal(Reason.BAD_CONFIG);
      assertTrue(refused.getMessage().contains("entry " + firstBad + " ") || refused.getMessage().contains("entry " + firstBad + ","),
          refused::getMessage);
    }
    Statistics.label("outcome").collect(firstBad < 0 ? "read" : "refused");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("read").percentage(p -> p > 20);
      coverage.check("refused").percentage(p -> p > 20);
    });
  }

  @Property(tries = 1000)
  void rolesFileTexts_1000Tries_areRefusedWithOneLineAndNoContent(@ForAll("rolesTexts") RolesText file) throws IOException {
    Path path = folder.resolve("roles-" + file.kind());
    TestFiles.delete(path);
    if (file.kind().equals("directory")) {
      Files.createDirectories(path);
    } else if (file.raw() != null) {
      Files.write(path, file.raw());
    }

    ParseOutcome<List<RoleDefinition>> outcome = read(path).showsNone(file.secret());

    if (!outcome.accepted()) {
      outcome.refusal(Reason.BAD_CONFIG);
    }
    Statistics.label("kind").collect(file.kind());
  }

  /** Through the configuration, as a run reads it. */
  private static ParseOutcome<List<RoleDefinition>> read(Path path) {
    JsonObject settings = new JsonObject().put(SettingArbitraries.ROLES_ENABLED, "true").put(SettingArbitraries.ROLES_FILE,
        path.toString());
    return ParseOutcome.of(() -> RolesFile.roles(BootstrapConfig.from(settings)));
  }

  /** The index of the first entry the file must be refused for, or -1. */
  private static int firstBadEntry(List<Entry> entries) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      RoleDefinition role = entries.get(i).role();
      if (role == null || seen.putIfAbsent(RoleEntryArbitraries.identity(role), i) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The built-in roles, each replaced by the file's of the same name and scope, then the file's others. */
  private static List<RoleDefinition> overlay(List<Entry> entries) {
    Map<String, RoleDefinition> roles = new LinkedHashMap<>();
    RoleDefinition.BUILT_IN.forEach(role -> roles.put(role.key(), role));
    entries.forEach(entry -> roles.put(entry.role().key(), entry.role()));
    return new ArrayList<>(roles.values());
  }

  @Provide
  Arbitrary<RolesText> rolesFiles() {
    return Combinators.combine(HostileArbitraries.secrets(), RoleEntryArbitraries.entries().list().ofMaxSize(6),
        Arbitraries.of(false, false, true)).as((secret, templates, duplicate) -> {
          List<Entry> entries = new ArrayList<>();
          for (int i = 0; i < templates.size(); i++) {
            entries.add(templates.get(i).make(secret, i));
          }
          // A duplicate: an earlier valid entry's name in another case, same scope.
          entries.stream().filter(entry -> duplicate && entry.role() != null).findFirst().ifPresent(entry -> {
            String name = entry.role().name().toUpperCase(Locale.ROOT);
            entries.add(new Entry(((JsonObject) entry.json()).copy().put("name", name),
                new RoleDefinition(name, null, entry.role().scope(), List.of(), false)));
          });
          return new RolesText("entries", List.copyOf(entries), null, secret);
        });
  }

  @Provide
  Arbitrary<RolesText> rolesTexts() {
    Arbitrary<String> secrets = HostileArbitraries.secrets();
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<RolesText> truncated = Combinators.combine(secrets, where).as((secret, at) -> {
      String json = sample(secret);
      return raw("truncated", json.substring(0, (int) (at * (json.length() - 1))), secret);
    });
    Arbitrary<RolesText> edited = Combinators.combine(secrets, where, HostileArbitraries.breakers()).as((secret, at, inserted) -> {
      String json = sample(secret);
      int i = (int) (at * json.length());
      return raw("edited", json.substring(0, i) + inserted + json.substring(Math.min(json.length(), i + 1)), secret);
    });
    Arbitrary<String> hostile = HostileArbitraries.hostileStrings();
    Arbitrary<RolesText> garbage = Combinators.combine(secrets, hostile, hostile)
        .as((secret, before, after) -> raw("garbage", before + secret + after, secret));
    Arbitrary<RolesText> binary = Combinators.combine(secrets, Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
        .as((secret, noise) -> new RolesText("binary", List.of(),
            (new String(noise, StandardCharsets.ISO_8859_1) + secret + "\u00ff").getBytes(StandardCharsets.ISO_8859_1), secret));
    Arbitrary<RolesText> odd = secrets.flatMap(secret -> Arbitraries.of(
        raw("object root", new JsonObject().put("name", secret).encode(), secret),
        raw("string root", "\"" + secret + "\"", secret),
        raw("null root", "null", secret),
        raw("empty", "", secret),
        raw("deep", "[".repeat(5000) + "\"" + secret + "\"" + "]".repeat(5000), secret),
        raw("long number", "[{\"name\": \"" + secret + "\", \"scope\": " + "9".repeat(5000) + "}]", secret),
        new RolesText("missing", List.of(), null, secret),
        new RolesText("directory", List.of(), null, secret)));
    return Arbitraries.frequencyOf(Tuple.of(3, truncated), Tuple.of(3, edited), Tuple.of(1, garbage), Tuple.of(1, binary),
        Tuple.of(2, odd));
  }

  private static String sample(String secret) {
    return new JsonArray().add(new JsonObject().put("name", "auditor-" + secret).put("scope", "global")
        .put("permissions", new JsonArray().add("admin." + secret)).put("description", secret)).encode();
  }

  private static RolesText raw(String kind, String text, String secret) {
    return new RolesText(kind, List.of(), text.getBytes(StandardCharsets.UTF_8), secret);
  }
}
