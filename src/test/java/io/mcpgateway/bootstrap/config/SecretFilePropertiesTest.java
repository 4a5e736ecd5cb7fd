package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.DatabaseUrlArbitraries;
import io.mcpgateway.bootstrap.support.GeneratedUrl;
import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.mcpgateway.bootstrap.support.ParseOutcome;
import io.mcpgateway.bootstrap.support.ScratchFolder;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * {@code PLATFORM_ADMIN_PASSWORD_FILE} and {@code DATABASE_URL_FILE}, named in the environment or
 * the configuration file, next to the plain variable or not, pointing at files of any content or
 * at none: the value is the file's content without one trailing line break, or the run is refused
 * with one {@code BAD_CONFIG} line that names the variable and never shows the content.
 */
class SecretFilePropertiesTest {

  private static final String PASSWORD = "PLATFORM_ADMIN_PASSWORD";
  private static final String URL = "DATABASE_URL";

  private static Path folder;

  enum Kind { TEXT, EMPTY, BLANK, BINARY, HUGE, MISSING, DIRECTORY, UNREADABLE }

  /** Where the {@code _FILE} variable is set, and whether the plain variable is set too (and where). */
  enum Placement { ENVIRONMENT, CONFIG_FILE, BOTH_IN_ENVIRONMENT, BOTH_IN_CONFIG_FILE, FILE_IN_ENVIRONMENT_VALUE_IN_CONFIG,
    FILE_IN_CONFIG_VALUE_IN_ENVIRONMENT }

  /**
   * @param content the secret file's bytes (null when there is no such file)
   * @param url for {@code DATABASE_URL_FILE} with a text content, the URL it holds
   */
  record SecretFile(String variable, Kind kind, byte[] content, String secret, GeneratedUrl url, String nameAround,
                    Placement placement) {

    @Override
    public String toString() {
      String shown = content == null ? "(none)" : content.length > 200 ? content.length + " bytes"
          : new String(content, StandardCharsets.UTF_8);
      return variable + "_FILE " + placement + " " + kind + ": " + shown;
    }
  }

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = ScratchFolder.create("secret-file-properties");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    TestFiles.delete(folder);
  }

  @Property(tries = 2000)
  void secretFiles_2000Tries_giveTheirContentOrOneLineNamingTheVariable(@ForAll("secretFiles") SecretFile secret) throws IOException {
    Path file = write(secret);
    String fileKey = secret.variable() + "_FILE";
    String name = secret.nameAround() + file + secret.nameAround();
    JsonObject config = new JsonObject();
    Map<String, String> environment = new HashMap<>();
    String plain = secret.variable().equals(PASSWORD) ? "plain-" + secret.secret() : "sqlite:///plain-" + secret.secret() + ".db";
    switch (secret.placement()) {
      case ENVIRONMENT -> environment.put(fileKey, name);
      case CONFIG_FILE -> config.put(fileKey, name);
      case BOTH_IN_ENVIRONMENT -> {
        environment.put(fileKey, name);
        environment.put(secret.variable(), plain);
      }
      case BOTH_IN_CONFIG_FILE -> config.put(fileKey, name).put(secret.variable(), plain);
      case FILE_IN_ENVIRONMENT_VALUE_IN_CONFIG -> {
        environment.put(fileKey, name);
        config.put(secret.variable(), plain);
      }
      case FILE_IN_CONFIG_VALUE_IN_ENVIRONMENT -> {
        config.put(fileKey, name);
        environment.put(secret.variable(), plain);
      }
    }
    Path configFile = Files.writeString(folder.resolve("bootstrap.json"), HostileArbitraries.asciiJson(config));

    ParseOutcome<BootstrapConfig> outcome = ParseOutcome.of(() -> BootstrapConfig.from(SettingsLoader.load(configFile, true,
        environment))).showsNone(secret.secret());

    switch (secret.placement()) {
      case BOTH_IN_ENVIRONMENT, BOTH_IN_CONFIG_FILE -> assertTrue(outcome.refusal(Reason.BAD_CONFIG).getMessage()
          .contains("both " + secret.variable() + " and " + fileKey));
      case FILE_IN_CONFIG_VALUE_IN_ENVIRONMENT -> assertEquals(secret.variable().equals(PASSWORD) ? plain
          : Path.of("plain-" + secret.secret() + ".db"), plainValue(outcome.value(), secret.variable()),
          "the environment's value wins, and the file is not read");
      default -> checkContent(secret, file, outcome);
    }
    Statistics.label("kind").collect(secret.kind());
    Statistics.label("outcome").collect(outcome.accepted() ? "accepted" : "refused");
  }

  /** The file's content without one trailing line break, or a refusal that names the variable. */
  private static void checkContent(SecretFile secret, Path file, ParseOutcome<BootstrapConfig> outcome) {
    Optional<String> content = readable(secret, file);
    if (content.isEmpty()) {
      BootstrapException refused = outcome.refusal(Reason.BAD_CONFIG);
      assertTrue(refused.getMessage().startsWith(secret.variable() + "_FILE names a file that cannot be read"), refused::getMessage);
      return;
    }
    String value = content.get().endsWith("\r\n") ? content.get().substring(0, content.get().length() - 2)
        : content.get().endsWith("\n") ? content.get().substring(0, content.get().length() - 1) : content.get();
    if (secret.variable().equals(PASSWORD)) {
      if (value.isEmpty()) {
        assertTrue(outcome.refusal(Reason.BAD_CONFIG).getMessage().contains("PLATFORM_ADMIN_PASSWORD is empty"));
      } else {
        assertEquals(value, outcome.value().adminPassword());
      }
    } else if (secret.url() != null) {
      assertEquals(SettingArbitraries.meaning(secret.url()), SettingArbitraries.reader(URL).apply(outcome.value()));
    } else if (!outcome.accepted()) {
      outcome.refusal(Reason.BAD_CONFIG, Reason.BAD_URL);
    }
  }

  /** The content as UTF-8 when the file can be read (root reads a file without permissions), else empty. */
  private static Optional<String> readable(SecretFile secret, Path file) {
    if (secret.content() == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(secret.content())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Object plainValue(BootstrapConfig config, String variable) {
    return variable.equals(PASSWORD) ? config.adminPassword() : config.databaseUrl().file();
  }

  /** Each kind has its own file, so a file is only ever overwritten by one of its own kind. */
  private static Path write(SecretFile secret) throws IOException {
    Path file = folder.resolve("secret-" + secret.kind());
    switch (secret.kind()) {
      case MISSING -> {
      }
      case DIRECTORY -> Files.createDirectories(file);
      case UNREADABLE -> {
        if (Files.exists(file)) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(file, secret.content());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
      }
      default -> Files.write(file, secret.content());
    }
    return file;
  }


  @Provide
  Arbitrary<SecretFile> secretFiles() {
    Arbitrary<String> endings = Arbitraries.of("", "\n", "\r\n", "\n\n", " ", "\r", "\r\n\r\n");
    Arbitrary<String> names = Arbitraries.of("", " ", "\n", "\t ");
    Arbitrary<Placement> placements = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(Placement.ENVIRONMENT)),
        Tuple.of(4, Arbitraries.of(Placement.CONFIG_FILE)), Tuple.of(1, Arbitraries.of(Placement.BOTH_IN_ENVIRONMENT,
            Placement.BOTH_IN_CONFIG_FILE, Placement.FILE_IN_ENVIRONMENT_VALUE_IN_CONFIG,
            Placement.FILE_IN_CONFIG_VALUE_IN_ENVIRONMENT)));
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(Kind.TEXT)), Tuple.of(1, Arbitraries.of(Kind.EMPTY)),
        Tuple.of(1, Arbitraries.of(Kind.BLANK)), Tuple.of(2, Arbitraries.of(Kind.BINARY)), Tuple.of(1, Arbitraries.of(Kind.HUGE)),
        Tuple.of(1, Arbitraries.of(Kind.MISSING, Kind.DIRECTORY, Kind.UNREADABLE)));
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
    return Combinators.combine(Arbitraries.of(PASSWORD, URL), kinds, HostileArbitraries.secrets(), DatabaseUrlArbitraries.serverUrls(),
            Combinators.combine(HostileArbitraries.hostileStrings(), endings).as(Tuple::of), noise, names, placements)
        .as((variable, kind, token, url, text, bytes, around, placement) -> {
          boolean isUrl = variable.equals(URL);
          // a URL without a password has no secret of its own: give its database the token
          GeneratedUrl held = url.secret() != null ? url : url.withPath("/db-" + token);
          String secret = isUrl ? held.secret() != null ? held.secret() : token : token;
          String written = isUrl ? held.text() : text.get1() + token + text.get1();
          byte[] content = switch (kind) {
            case TEXT, UNREADABLE -> (written + text.get2()).getBytes(StandardCharsets.UTF_8);
            case EMPTY -> new byte[0];
            case BLANK -> " \n".getBytes(StandardCharsets.UTF_8);
            case BINARY -> concat(bytes, secret.getBytes(StandardCharsets.US_ASCII), bytes);
            case HUGE -> (written + "x".repeat(100_000) + secret + text.get2()).getBytes(StandardCharsets.UTF_8);
            case MISSING, DIRECTORY -> null;
          };
          GeneratedUrl meant = isUrl && (kind == Kind.TEXT || kind == Kind.UNREADABLE) && url.secret() != null ? held : null;
          return new SecretFile(variable, kind, content, secret, meant, around, placement);
        });
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
