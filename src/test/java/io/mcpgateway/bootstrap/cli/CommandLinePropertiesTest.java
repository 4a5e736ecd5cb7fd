package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.cli.CommandLine.Mode;
import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.mcpgateway.bootstrap.support.ParseOutcome;
import io.mcpgateway.bootstrap.support.ScratchFolder;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Command lines from the known options, their file arguments and garbage, read as {@link Main}
 * reads them (the options, then the settings file they name): each means what its options say or is
 * refused with one {@code BAD_CONFIG} line; never another exception, never a secret in the output.
 */
class CommandLinePropertiesTest {

  private static Path folder;
  /** The password in the settings files below: nothing may show it. */
  private static String fileSecret;

  /** A settings file an option may name, and what loading it gives. */
  enum ConfigKind { VALID, NOT_JSON, BAD_SETTING, MISSING, DIRECTORY, HOSTILE }

  record ConfigPath(ConfigKind kind, String text) {
  }

  /** Arguments, and the secret a garbage option's value held. */
  record Arguments(List<String> args, List<ConfigPath> paths, String secret) {

    @Override
    public String toString() {
      return args.stream().map(arg -> "'" + arg.replace("\n", "\\n").replace("\u0000", "\\0") + "'").toList().toString();
    }
  }

  @BeforeContainer
  static void createFiles() throws IOException {
    folder = ScratchFolder.create("command-line-properties");
    fileSecret = HostileArbitraries.secrets().sample();
    Files.writeString(folder.resolve("valid.json"), new JsonObject().put("PLATFORM_ADMIN_PASSWORD", fileSecret)
        .put("DATABASE_URL", "postgresql://gw:" + fileSecret + "@db/gw").encode());
    Files.writeString(folder.resolve("not-json.json"), "{\"PLATFORM_ADMIN_PASSWORD\": \"" + fileSecret + "\"");
    Files.writeString(folder.resolve("bad-setting.json"), new JsonObject().put("PLATFORM_ADMIN_PASSWORD", fileSecret)
        .put("BCRYPT_COST", "twelve").encode());
    Files.createDirectories(folder.resolve("directory.json"));
  }

  @AfterContainer
  static void deleteFiles() throws IOException {
    TestFiles.delete(folder);
  }

  @Property(tries = 3000)
  void commandLines_3000Tries_meanTheirOptionsOrAreRefusedWithOneLine(@ForAll("commandLines") Arguments arguments) {
    String[] args = arguments.args().toArray(String[]::new);
    Expected expected = Expected.of(arguments);

    ParseOutcome<CommandLine> parsed = ParseOutcome.of(() -> CommandLine.parse(args)).showsNone(arguments.secret(), fileSecret);

    if (expected == null) {
      parsed.refusal(Reason.BAD_CONFIG);
      Statistics.label("outcome").collect("refused option");
      return;
    }
    CommandLine commandLine = parsed.value();
    assertEquals(expected.help(), commandLine.help());
    assertEquals(expected.serve(), commandLine.serve());
    assertEquals(expected.mode(), commandLine.mode());
    assertEquals(expected.json(), commandLine.json());
    assertEquals(expected.config() != null, commandLine.configGiven());
    assertEquals(expected.config() == null ? SettingsLoader.DEFAULT_FILE : Path.of(expected.config().text()),
        commandLine.configFile());
    if (commandLine.help()) {
      Statistics.label("outcome").collect("help");
      return;
    }
    // A file's name is shown (the operator must know which file), even when it looks like an option with a secret.
    boolean namesFile = expected.config() != null && expected.config().text().contains(arguments.secret());
    ParseOutcome<BootstrapConfig> configured = ParseOutcome.of(() -> BootstrapConfig.from(SettingsLoader.load(
        commandLine.configFile(), commandLine.configGiven(), Map.of()))).showsNone(namesFile ? null : arguments.secret(), fileSecret);
    ConfigKind kind = expected.config() == null ? null : expected.config().kind();
    if (kind == null || kind == ConfigKind.VALID) {
      assertEquals(kind == null ? BootstrapConfig.DEFAULT_ADMIN_PASSWORD : fileSecret, configured.value().adminPassword());
    } else if (kind != ConfigKind.HOSTILE || !configured.accepted()) {
      configured.refusal(Reason.BAD_CONFIG, Reason.BAD_URL);
    }
    Statistics.label("outcome").collect(configured.accepted() ? "configured" : "refused settings");
  }

  /** What the options mean, as the usage text describes them; null when they must be refused. */
  record Expected(boolean help, boolean serve, Mode mode, boolean json, ConfigPath config) {

    static Expected of(Arguments arguments) {
      boolean help = false;
      boolean serve = false;
      boolean json = false;
      Mode mode = Mode.RUN;
      ConfigPath config = null;
      int pathIndex = 0;
      List<String> args = arguments.args();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--help", "-h" -> help = true;
          case "--serve" -> serve = true;
          case "--json" -> json = true;
          case "--check", "--plan" -> {
            Mode asked = arg.equals("--check") ? Mode.CHECK : Mode.PLAN;
            if (mode != Mode.RUN && mode != asked) {
              return null;
            }
            mode = asked;
          }
          case "--config" -> {
            if (i + 1 >= args.size()) {
              return null;
            }
            config = pathAt(arguments, args.get(++i));
          }
          default -> {
            if (!arg.startsWith("--config=")) {
              return null;
            }
            config = pathAt(arguments, arg.substring("--config=".length()));
          }
        }
        if (config != null && !usable(config.text())) {
          return null;
        }
      }
      if ((serve && mode != Mode.RUN) || (json && mode == Mode.RUN)) {
        return null;
      }
      return new Expected(help, serve, mode, json, config);
    }

    /** Whether a file can have this name (no NUL character, no lone surrogate). */
    private static boolean usable(String name) {
      try {
        Path.of(name);
        return true;
      } catch (InvalidPathException e) {
        return false;
      }
    }

    /** The generated path an argument names (an argument that is no generated path names a hostile one). */
    private static ConfigPath pathAt(Arguments arguments, String text) {
      return arguments.paths().stream().filter(path -> path.text().equals(text)).findFirst()
          .orElse(new ConfigPath(ConfigKind.HOSTILE, text));
    }
  }

  /** One argument, or an option and the file it names, or an option we do not have given a secret. */
  private record Token(String option, ConfigPath path, boolean withSecret) {

    static Token of(String option) {
      return new Token(option, null, false);
    }
  }

  @Provide
  Arbitrary<Arguments> commandLines() {
    Arbitrary<ConfigPath> files = Arbitraries.of(ConfigKind.VALID, ConfigKind.NOT_JSON, ConfigKind.BAD_SETTING, ConfigKind.MISSING,
        ConfigKind.DIRECTORY).map(kind -> new ConfigPath(kind, folder.resolve(switch (kind) {
          case VALID -> "valid.json";
          case NOT_JSON -> "not-json.json";
          case BAD_SETTING -> "bad-setting.json";
          case DIRECTORY -> "directory.json";
          default -> "missing.json";
        }).toString()));
    Arbitrary<ConfigPath> hostileFiles = Arbitraries.oneOf(HostileArbitraries.hostileStrings(),
        Arbitraries.of("", "\u0000", "a\u0000b.json", "\uD800.json", "\n", ".")).map(text -> new ConfigPath(ConfigKind.HOSTILE, text));
    Arbitrary<ConfigPath> paths = Arbitraries.frequencyOf(Tuple.of(4, files), Tuple.of(1, hostileFiles));
    Arbitrary<String> garbage = Arbitraries.oneOf(HostileArbitraries.hostileStrings(), Arbitraries.of("--", "-", "--CONFIG",
        "--config ", "--help=yes", "-help", "--serve=true", "\u2014help", "--json\n"));
    Arbitrary<Token> tokens = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("--help", "-h", "--serve", "--check", "--plan", "--json", "--config").map(Token::of)),
        Tuple.of(3, paths.map(path -> new Token("--config", path, false))),
        Tuple.of(2, paths.map(path -> new Token("--config=", path, false))),
        Tuple.of(2, garbage.map(Token::of)),
        Tuple.of(1, Arbitraries.of("--password=", "--database-url=", "--admin-password=", "-p=")
            .map(option -> new Token(option, null, true))));
    return Combinators.combine(tokens.list().ofMaxSize(5), HostileArbitraries.secrets()).as((chosen, secret) -> {
      List<String> args = new ArrayList<>();
      List<ConfigPath> named = new ArrayList<>();
      for (Token token : chosen) {
        if (token.path() != null) {
          named.add(token.path());
          args.addAll(token.option().equals("--config") ? List.of(token.option(), token.path().text())
              : List.of(token.option() + token.path().text()));
        } else {
          args.add(token.withSecret() ? token.option() + secret : token.option());
        }
      }
      return new Arguments(List.copyOf(args), List.copyOf(named), secret);
    });
  }
}
