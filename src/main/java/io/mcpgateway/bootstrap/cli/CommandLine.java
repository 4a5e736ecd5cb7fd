package io.mcpgateway.bootstrap.cli;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.SettingsLoader;
import java.nio.file.Path;

/**
 * The agent's options. Anything unknown is an error, so a typo is never silently ignored.
 *
 * @param configFile the settings file to read
 * @param configGiven whether the file was named (then it must exist)
 * @param help whether to print the usage and stop
 * @param serve whether to stay up serving metrics and health after the bootstrap
 */
record CommandLine(Path configFile, boolean configGiven, boolean help, boolean serve) {

  static final String USAGE = """
      Usage: db-bootstrap-agent [--config FILE] [--serve] [--help]
        Brings the database named by DATABASE_URL to the current schema, creates the platform admin,
        its team, the default roles, and hands orphaned rows to the admin's team; then exits.
        --config FILE   settings file (JSON object of the variables below; default conf/bootstrap.json)
        --serve         stay up: /metrics, /health/live, /health/ready on HTTP_PORT (default 9464)
        --help          print this text
      Environment (overrides the file): DATABASE_URL, EMAIL_AUTH_ENABLED, PLATFORM_ADMIN_EMAIL,
        PLATFORM_ADMIN_PASSWORD, PLATFORM_ADMIN_FULL_NAME, AUTO_CREATE_PERSONAL_TEAMS,
        PASSWORD_CHANGE_ENFORCEMENT_ENABLED, ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP,
        MIGRATION_LOCK_TIMEOUT (seconds), BCRYPT_COST, SERVE (true/false), HTTP_PORT
      Exit codes: 0 ready, 2 bad option/config/URL, 3 unreachable, 4 login rejected, 5 lock timeout,
        6 unknown schema, 7 migration failed, 8 step failed, 9 lock release failed, 1 other""";

  static CommandLine parse(String... args) {
    Path config = SettingsLoader.DEFAULT_FILE;
    boolean given = false;
    boolean help = false;
    boolean serve = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.equals("--serve")) {
        serve = true;
      } else if (arg.equals("--config")) {
        if (i + 1 >= args.length) {
          throw usage("--config needs a file name");
        }
        config = Path.of(args[++i]);
        given = true;
      } else if (arg.startsWith("--config=")) {
        config = Path.of(arg.substring("--config=".length()));
        given = true;
      } else {
        throw usage("unknown option '" + arg + "'");
      }
    }
    return new CommandLine(config, given, help, serve);
  }

  private static BootstrapException usage(String what) {
    return new BootstrapException(Reason.BAD_CONFIG, what + "; run with --help for the options");
  }
}
