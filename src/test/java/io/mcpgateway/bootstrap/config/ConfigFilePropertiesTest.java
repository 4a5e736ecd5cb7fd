package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mcpgateway.bootstrap.config.SettingArbitraries.Setting;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * The configuration file and the environment over it, as an operator writes them: settings of the
 * right type, of a type read as text anyway, of a wrong type, out of range, unknown keys; and files
 * that are not JSON objects at all. Either the run is configured with what they say, or it is
 * refused with one {@code BAD_CONFIG}/{@code BAD_URL} line that never shows the admin's password
 * or the database's.
 */
class ConfigFilePropertiesTest {

  /** The keys the configuration reads; {@code HTTP_PORT} and {@code SERVE} are serve mode's, which this run ignores. */
  private static final Set<String> KNOWN = Set.copyOf(BootstrapConfig.defaults().copy().put(BootstrapConfig.MIGRATION_LOCATIONS, "")
      .fieldNames());

  private static Path folder;

  /** Where a setting is written: the environment wins over the file unless it is blank. */
  enum Source { FILE, ENVIRONMENT, BOTH, BLANK_ENVIRONMENT }

  record Placed(Setting setting, Source source) {
  }

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = ScratchFolder.create("config-properties");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    TestFiles.delete(folder);
  }

  @Property(tries = 2000)
  void settings_2000Tries_meanWhatTheySayOrAreRefusedWithOneLine(@ForAll("placedSettings") List<Placed> placed,
                                                                  @ForAll("unknownKeys") Map<String, String> unknown)
      throws IOException {
    JsonObject file = new JsonObject();
    Map<String, String> environment = new HashMap<>();
    unknown.forEach(file::put);
    for (Placed each : placed) {
      place(each, file, environment);
    }
    Path path = Files.writeString(folder.resolve("bootstrap.json"), HostileArbitraries.asciiJson(file));
    String[] secrets = placed.stream().map(each -> each.setting().secret()).filter(Objects::nonNull).toArray(String[]::new);

    ParseOutcome<BootstrapConfig> outcome = ParseOutcome.of(() -> BootstrapConfig.from(SettingsLoader.load(path, true, environment)))
        .showsNone(secrets);

    List<Setting> effective = effective(placed.stream().map(Placed::setting).toList());
    List<Reason> refusals = effective.stream().filter(setting -> !setting.valid()).map(Setting::refusedAs).distinct().toList();
    if (refusals.isEmpty()) {
      BootstrapConfig config = outcome.value();
      for (Setting setting : effective) {
        assertEquals(setting.meaning(), SettingArbitraries.reader(setting.key()).apply(config), setting.key());
      }
      for (String secret : secrets) {
        assertFalse(config.toString().contains(secret), config::toString);
      }
    } else {
      outcome.refusal(refusals.toArray(Reason[]::new));
    }
    Statistics.label("outcome").collect(refusals.isEmpty() ? "configured" : "refused");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("configured").percentage(p -> p > 10);
      coverage.check("refused").percentage(p -> p > 30);
    });
  }

  @Property(tries = 1000)
  void fileTexts_1000Tries_areReadOrRefusedWithOneLine(@ForAll("configTexts") ConfigText text) throws IOException {
    Path path = text.writeTo(folder);

    ParseOutcome<BootstrapConfig> outcome = ParseOutcome.of(() -> BootstrapConfig.from(SettingsLoader.load(path, text.mustExist(),
        Map.of()))).showsNone(text.secret());

    if (!outcome.accepted()) {
      outcome.refusal(Reason.BAD_CONFIG, Reason.BAD_URL);
    }
    Statistics.label("kind").collect(text.kind());
  }

  private static void place(Placed placed, JsonObject file, Map<String, String> environment) {
    Setting setting = placed.setting();
    Object json = setting.json();
    boolean inEnvironment = json instanceof String text ? !text.isBlank() : json instanceof Number || json instanceof Boolean;
    switch (inEnvironment ? placed.source() : Source.FILE) {
      case FILE -> file.put(setting.key(), json);
      case ENVIRONMENT -> environment.put(setting.key(), json.toString());
      case BOTH -> {
        file.put(setting.key(), new JsonArray().add("decoy"));
        environment.put(setting.key(), json.toString());
      }
      case BLANK_ENVIRONMENT -> {
        file.put(setting.key(), json);
        environment.put(setting.key(), " ");
      }
    }
  }

  /** The settings as the configuration sees them: the roles file's name counts only when roles come from a file. */
  private static List<Setting> effective(List<Setting> settings) {
    boolean rolesEnabled = settings.stream().anyMatch(setting -> setting.key().equals(SettingArbitraries.ROLES_ENABLED)
        && Boolean.TRUE.equals(setting.meaning()));
    List<Setting> effective = new ArrayList<>();
    for (Setting setting : settings) {
      if (setting.key().equals(SettingArbitraries.ROLES_FILE) && !rolesEnabled) {
        effective.add(new Setting(setting.key(), setting.json(), null, null, null)); // ignored: no roles file is read
      } else {
        effective.add(setting);
      }
    }
    return effective;
  }

  @Provide
  Arbitrary<List<Placed>> placedSettings() {
    List<Arbitrary<Setting>> all = new ArrayList<>(SettingArbitraries.settings());
    all.add(SettingArbitraries.rolesFiles());
    List<Arbitrary<Placed>> maybe = all.stream().map(setting -> Combinators.combine(setting.injectNull(0.6),
        Arbitraries.of(Source.class)).as((chosen, source) -> chosen == null ? null : new Placed(chosen, source))).toList();
    return Combinators.combine(maybe).as(chosen -> chosen.stream().filter(Objects::nonNull).toList());
  }

  @Provide
  Arbitrary<Map<String, String>> unknownKeys() {
    Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("HTTP_PORT", "SERVE", "PLATFORM_ADMIN_PASSWORD_OLD", "database_url", ""),
        HostileArbitraries.hostileStrings());
    return Combinators.combine(keys, HostileArbitraries.hostileStrings()).as(Map::entry).list().ofMaxSize(3).map(entries -> {
      Map<String, String> unknown = new HashMap<>();
      entries.stream().filter(entry -> !KNOWN.contains(entry.getKey()) && !entry.getKey().endsWith("_FILE"))
          .forEach(entry -> unknown.put(entry.getKey(), entry.getValue()));
      return unknown;
    });
  }

  /**
   * A configuration file's bytes (or a missing file, or a directory) holding two secrets.
   *
   * @param content null for a missing file, an empty array with {@code directory} for a directory
   */
  record ConfigText(String kind, byte[] content, boolean directory, boolean mustExist, String secret) {

    Path writeTo(Path folder) throws IOException {
      Path path = folder.resolve("config-" + kind);
      TestFiles.delete(path);
      if (directory) {
        return Files.createDirectories(path);
      }
      return content == null ? path : Files.write(path, content);
    }

    @Override
    public String toString() {
      return kind + ": " + (content == null ? "(none)" : new String(content, StandardCharsets.UTF_8));
    }
  }

  @Provide
  Arbitrary<ConfigText> configTexts() {
    Arbitrary<String> secrets = HostileArbitraries.secrets();
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<ConfigText> truncated = Combinators.combine(secrets, where).as((secret, at) -> {
      String json = object(secret);
      return text("truncated", json.substring(0, (int) (at * (json.length() - 1))), secret);
    });
    Arbitrary<ConfigText> edited = Combinators.combine(secrets, where, HostileArbitraries.breakers()).as((secret, at, inserted) -> {
      String json = object(secret);
      int i = (int) (at * json.length());
      return text("edited", json.substring(0, i) + inserted + json.substring(Math.min(json.length(), i + 1)), secret);
    });
    Arbitrary<ConfigText> roots = Combinators.combine(secrets, Arbitraries.of(0, 1, 2, 3, 4)).as((secret, root) -> text("root " + root,
        switch (root) {
          case 0 -> "[" + object(secret) + "]";
          case 1 -> "\"" + secret + "\"";
          case 2 -> "42";
          case 3 -> "null";
          default -> "true";
        }, secret));
    Arbitrary<String> hostile = HostileArbitraries.hostileStrings();
    Arbitrary<ConfigText> garbage = Combinators.combine(secrets, hostile, hostile)
        .as((secret, before, after) -> text("garbage", before + secret + after, secret));
    Arbitrary<ConfigText> binary = Combinators.combine(secrets, Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
        .as((secret, noise) -> {
          byte[] content = (new String(noise, StandardCharsets.ISO_8859_1) + secret + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
          return new ConfigText("binary", content, false, true, secret);
        });
    Arbitrary<ConfigText> odd = secrets.flatMap(secret -> Arbitraries.of(
        text("empty", "", secret),
        text("blank", " \n\t", secret),
        text("byte order mark", "\uFEFF" + object(secret), secret),
        text("deep", "[".repeat(5000) + "\"" + secret + "\"" + "]".repeat(5000), secret),
        text("long number", "{\"BCRYPT_COST\": " + "9".repeat(5000) + ", \"PLATFORM_ADMIN_PASSWORD\": \"" + secret + "\"}", secret),
        text("huge exponent", "{\"MIGRATION_LOCK_TIMEOUT\": 1e99999, \"PLATFORM_ADMIN_PASSWORD\": \"" + secret + "\"}", secret),
        text("duplicate key", "{\"PLATFORM_ADMIN_PASSWORD\": \"x\", \"PLATFORM_ADMIN_PASSWORD\": \"" + secret + "\"}", secret),
        new ConfigText("missing, named", null, false, true, secret),
        new ConfigText("missing, default", null, false, false, secret),
        new ConfigText("directory", new byte[0], true, true, secret)));
    return Arbitraries.frequencyOf(Tuple.of(3, truncated), Tuple.of(3, edited), Tuple.of(1, roots), Tuple.of(1, garbage),
        Tuple.of(1, binary), Tuple.of(2, odd));
  }

  private static String object(String secret) {
    return new JsonObject().put("PLATFORM_ADMIN_PASSWORD", secret).put("DATABASE_URL", "postgresql://gw:" + secret + "@db/gw")
        .encode();
  }

  private static ConfigText text(String kind, String content, String secret) {
    return new ConfigText(kind, content.getBytes(StandardCharsets.UTF_8), false, true, secret);
  }
}
