package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.DatabaseUrlArbitraries;
import io.mcpgateway.bootstrap.support.GeneratedUrl;
import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One setting of the configuration file or the environment, valid or not, with what it means: a
 * value of the right type, of a type the loader reads as text anyway (a number for a flag), or of
 * a wrong type, out of range, blank or absurd.
 */
final class SettingArbitraries {

  /**
   * @param json the value as the file holds it (a string, number, boolean, array, object or null)
   * @param meaning what the setting reads as ({@link #reader}), or null when it must be refused
   * @param refusedAs the reason a refusal gives, for an invalid setting
   * @param secret what no output may show, or null
   */
  record Setting(String key, Object json, Object meaning, Reason refusedAs, String secret) {

    boolean valid() {
      return refusedAs == null;
    }

    @Override
    public String toString() {
      return key + "=" + (json instanceof String text ? "\"" + text + "\"" : json) + (valid() ? " -> " + meaning : " (invalid)");
    }
  }

  static final String ROLES_ENABLED = "MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED";
  static final String ROLES_FILE = "MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE";
  static final List<String> FLAGS = List.of("EMAIL_AUTH_ENABLED", "AUTO_CREATE_PERSONAL_TEAMS", "PASSWORD_CHANGE_ENFORCEMENT_ENABLED",
      "ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP", "MCPGATEWAY_SKIP_MIGRATIONS", ROLES_ENABLED);
  private static final List<String> FLAG_WORDS = List.of("true", "1", "yes", "on", "false", "0", "no", "off");
  private static final List<String> TRUE_WORDS = List.of("true", "1", "yes", "on");

  private SettingArbitraries() {
  }

  /** What a setting reads as in the built configuration, for comparing with {@link Setting#meaning()}. */
  static Function<BootstrapConfig, Object> reader(String key) {
    return switch (key) {
      case "DATABASE_URL" -> config -> urlParts(config.databaseUrl().vendor().name(), config.databaseUrl().host(),
          config.databaseUrl().port(), config.databaseUrl().database(), config.databaseUrl().user(),
          config.databaseUrl().password(), config.databaseUrl().file());
      case "EMAIL_AUTH_ENABLED" -> BootstrapConfig::emailAuthEnabled;
      case "AUTO_CREATE_PERSONAL_TEAMS" -> BootstrapConfig::autoCreatePersonalTeams;
      case "PASSWORD_CHANGE_ENFORCEMENT_ENABLED" -> BootstrapConfig::passwordChangeEnforcementEnabled;
      case "ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP" -> BootstrapConfig::adminRequirePasswordChangeOnBootstrap;
      case "MCPGATEWAY_SKIP_MIGRATIONS" -> BootstrapConfig::skipMigrations;
      case ROLES_ENABLED -> config -> config.rolesFile() != null;
      case ROLES_FILE -> BootstrapConfig::rolesFile;
      case "PLATFORM_ADMIN_EMAIL" -> BootstrapConfig::adminEmail;
      case "PLATFORM_ADMIN_PASSWORD" -> BootstrapConfig::adminPassword;
      case "PLATFORM_ADMIN_FULL_NAME" -> BootstrapConfig::adminFullName;
      case "MIGRATION_LOCK_TIMEOUT" -> BootstrapConfig::lockTimeout;
      case "BCRYPT_COST" -> BootstrapConfig::bcryptCost;
      case "DB_MAX_RETRIES" -> config -> config.connectRetry().maxRetries();
      case "DB_RETRY_INTERVAL_MS" -> config -> config.connectRetry().interval();
      case "GATEWAY_REPLICAS" -> BootstrapConfig::gatewayReplicas;
      case "MIGRATION_LOCATIONS" -> BootstrapConfig::migrationLocations;
      default -> throw new IllegalArgumentException(key);
    };
  }

  /** The settings {@link BootstrapConfig} reads, each valid or not; the roles file's path is {@link #rolesFiles()}. */
  static List<Arbitrary<Setting>> settings() {
    List<Arbitrary<Setting>> settings = new ArrayList<>();
    FLAGS.forEach(key -> settings.add(flags(key)));
    settings.add(databaseUrls());
    settings.add(emails());
    settings.add(passwords());
    settings.add(texts("PLATFORM_ADMIN_FULL_NAME"));
    settings.add(seconds("MIGRATION_LOCK_TIMEOUT"));
    settings.add(numbers("BCRYPT_COST", 4, 31, number -> number));
    settings.add(numbers("DB_MAX_RETRIES", 0, 10_000, number -> number));
    settings.add(numbers("DB_RETRY_INTERVAL_MS", 10, 3_600_000, Duration::ofMillis));
    settings.add(numbers("GATEWAY_REPLICAS", 1, 100_000, number -> number));
    settings.add(locations());
    return settings;
  }

  private static Setting valid(String key, Object json, Object meaning) {
    return new Setting(key, json, meaning, null, null);
  }

  private static Setting invalid(String key, Object json) {
    return new Setting(key, json, null, Reason.BAD_CONFIG, null);
  }

  private static Arbitrary<String> padding() {
    return Arbitraries.of("", " ", "\t", "  ", "\n");
  }

  static Arbitrary<Setting> flags(String key) {
    Arbitrary<Setting> words = Combinators.combine(Arbitraries.of(FLAG_WORDS), Arbitraries.of(false, true), padding(), padding())
        .as((word, upper, before, after) -> valid(key, before + (upper ? word.toUpperCase(Locale.ROOT) : word) + after,
            TRUE_WORDS.contains(word)));
    Arbitrary<Setting> typed = Arbitraries.of(true, false, 1, 0)
        .map(value -> valid(key, value, value.equals(true) || value.equals(1)));
    Arbitrary<Setting> wrong = Arbitraries.oneOf(
        Arbitraries.of("maybe", "2", "", "  ", "tru", "yes!", "on\u0000", "\u0000", "1.0", "y").map(text -> invalid(key, text)),
        Arbitraries.of(2, -1, 1.0, 0.0, Long.MAX_VALUE).map(number -> invalid(key, number)),
        Arbitraries.of(new JsonArray().add(true), new JsonObject().put("on", true)).map(json -> invalid(key, json)),
        Arbitraries.just(invalid(key, null)),
        HostileArbitraries.hostileStrings().filter(text -> !FLAG_WORDS.contains(text.strip().toLowerCase(Locale.ROOT)))
            .map(text -> invalid(key, text)));
    return Arbitraries.frequencyOf(Tuple.of(3, words), Tuple.of(1, typed), Tuple.of(2, wrong));
  }

  /** Valid URLs (holding a secret password) and invalid ones: an unknown scheme, a bad port, no database, not a URL. */
  static Arbitrary<Setting> databaseUrls() {
    String key = "DATABASE_URL";
    Arbitrary<Setting> valid = Combinators.combine(DatabaseUrlArbitraries.databaseUrls(), padding(), padding())
        .as((url, before, after) -> new Setting(key, before + url.text() + after, meaning(url), null, url.secret()));
    Arbitrary<Setting> broken = Combinators.combine(DatabaseUrlArbitraries.serverUrls(), Arbitraries.of(0, 1, 2, 3))
        .as((url, how) -> {
          GeneratedUrl bad = switch (how) {
            case 0 -> url.withScheme("oracle://");
            case 1 -> url.withHostPort(url.hostOnly() + ":99999");
            case 2 -> url.withPath("");
            default -> url.withQuery("?sslmode=sometimes");
          };
          return new Setting(key, bad.text(), null, Reason.BAD_URL, url.secret());
        });
    Arbitrary<Setting> wrong = Arbitraries.oneOf(
        Arbitraries.of("", " ").map(text -> invalid(key, text)),
        Arbitraries.just(invalid(key, null)),
        Arbitraries.of(5, true, new JsonArray().add("sqlite:///x.db"))
            .map(json -> new Setting(key, json, null, Reason.BAD_URL, null)));
    return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(2, broken), Tuple.of(1, wrong));
  }

  static List<Object> meaning(GeneratedUrl url) {
    GeneratedUrl.Meaning meaning = url.meaning();
    return urlParts(meaning.vendor(), meaning.host(), meaning.port(), meaning.database(), meaning.user(), meaning.password(),
        meaning.file());
  }

  private static List<Object> urlParts(Object... parts) {
    return Arrays.asList(parts);
  }

  static Arbitrary<Setting> emails() {
    String key = "PLATFORM_ADMIN_EMAIL";
    Arbitrary<String> part = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789.+-_")
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<Setting> valid = Combinators.combine(part, part, padding(), padding())
        .as((local, domain, before, after) -> valid(key, before + local + "@" + domain + after, local + "@" + domain));
    Arbitrary<Setting> wrong = Arbitraries.oneOf(
        part.map(text -> invalid(key, text)),
        Arbitraries.of("", "  ").map(text -> invalid(key, text)),
        Arbitraries.of(42, false).map(json -> invalid(key, json)),
        Arbitraries.just(invalid(key, null)));
    return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, wrong));
  }

  /** The admin's password: taken as written, spaces and all; only an empty one is refused. */
  static Arbitrary<Setting> passwords() {
    String key = "PLATFORM_ADMIN_PASSWORD";
    Arbitrary<Setting> valid = Combinators.combine(HostileArbitraries.secrets(), HostileArbitraries.hostileStrings(), padding())
        .as((secret, around, pad) -> new Setting(key, pad + around + secret + around, pad + around + secret + around, null, secret));
    Arbitrary<Setting> wrong = Arbitraries.oneOf(Arbitraries.just(invalid(key, "")), Arbitraries.just(invalid(key, null)));
    return Arbitraries.frequencyOf(Tuple.of(5, valid), Tuple.of(1, wrong));
  }

  static Arbitrary<Setting> texts(String key) {
    Arbitrary<Setting> valid = Combinators.combine(HostileArbitraries.hostileStrings().filter(text -> !text.isBlank()), padding())
        .as((text, pad) -> valid(key, pad + text + pad, text.strip()));
    Arbitrary<Setting> wrong = Arbitraries.oneOf(Arbitraries.of("", " \t").map(text -> invalid(key, text)),
        Arbitraries.just(invalid(key, null)));
    return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(1, Arbitraries.just(valid(key, 7, "7"))), Tuple.of(1, wrong));
  }

  /** Seconds, above 0 and up to a day: a JSON number or its text; a millisecond is the finest step. */
  static Arbitrary<Setting> seconds(String key) {
    Arbitrary<Double> inRange = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(1, 86_400).map(Integer::doubleValue)),
        Tuple.of(2, Arbitraries.doubles().between(0.001, 86_400).ofScale(6)));
    Arbitrary<Setting> valid = Combinators.combine(inRange, Arbitraries.of(0, 1, 2), padding()).as((seconds, form, pad) -> {
      Object json = switch (form) {
        case 0 -> seconds;
        case 1 -> pad + seconds + pad;
        default -> seconds == Math.rint(seconds) ? (Object) (int) (double) seconds : seconds;
      };
      return valid(key, json, Duration.ofMillis(Math.round(seconds * 1000)));
    });
    Arbitrary<Setting> wrong = Arbitraries.oneOf(
        Arbitraries.of(0, -5, 86_401, 86_400.5, -0.0).map(json -> invalid(key, json)),
        Arbitraries.of("0", "-1", "NaN", "Infinity", "thirty", "", "30 s", "#").map(text -> invalid(key, text)),
        Arbitraries.of(new BigDecimal("1e400"), new BigInteger("1" + "0".repeat(30)), new JsonArray().add(30))
            .map(json -> invalid(key, json)),
        Arbitraries.just(invalid(key, null)));
    return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, wrong));
  }

  /** A whole number within bounds: a JSON number, or its text with spaces, a plus sign or leading zeros. */
  static Arbitrary<Setting> numbers(String key, int min, int max, Function<Integer, Object> meaning) {
    Arbitrary<Setting> valid = Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.of("", "+", "0", "00"),
        padding(), Arbitraries.of(false, true)).as((number, prefix, pad, asText) ->
        valid(key, asText ? pad + prefix + number + pad : number, meaning.apply(number)));
    Arbitrary<Setting> wrong = Arbitraries.oneOf(
        Arbitraries.of((long) min - 1, (long) max + 1, Long.MAX_VALUE, (long) Integer.MIN_VALUE).map(json -> invalid(key, json)),
        Arbitraries.of(min + 0.5, (double) min).map(json -> invalid(key, json)),
        Arbitraries.of(String.valueOf(max + 1L), "twelve", "", " ", "1_000", "0x10", "#", "99999999999999999999")
            .map(text -> invalid(key, text)),
        Arbitraries.of(new BigInteger("9".repeat(40)), new JsonArray().add(min)).map(json -> invalid(key, json)),
        Arbitraries.just(invalid(key, null)));
    return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, wrong));
  }

  /** A comma-separated list with spaces and empty items, which are dropped; never invalid. */
  static Arbitrary<Setting> locations() {
    String key = "MIGRATION_LOCATIONS";
    Arbitrary<String> item = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz:/{}._-").ofMinLength(1).ofMaxLength(20);
    Arbitrary<Setting> lists = Combinators.combine(item.list().ofMaxSize(4), Arbitraries.of(",", ", ", " ,", ",,", " , "))
        .as((items, separator) -> valid(key, String.join(separator, items), items));
    return Arbitraries.frequencyOf(Tuple.of(4, lists), Tuple.of(1, Arbitraries.just(valid(key, null, List.of()))));
  }

  /** The roles file's name: checked only when roles from a file are enabled. */
  static Arbitrary<Setting> rolesFiles() {
    Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz/._- ").ofMinLength(1).ofMaxLength(20)
        .filter(text -> !text.isBlank());
    Arbitrary<Setting> valid = Combinators.combine(name, padding()).as((text, pad) -> valid(ROLES_FILE, pad + text + pad,
        Path.of(text.strip())));
    Arbitrary<Setting> wrong = Arbitraries.of("", "  ", "roles\u0000.json", "\uD800.json").map(text -> invalid(ROLES_FILE, text));
    return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, wrong));
  }
}
