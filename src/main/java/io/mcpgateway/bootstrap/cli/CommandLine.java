package io.mcpgateway.bootstrap.cli;

import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The agent's options. Anything unknown is an error, so a typo is never silently ignored.
 *
 * @param configFile the settings file to read
 * @param configGiven whether the file was named (then it must exist)
 * @param help whether to print the usage and stop
 * @param serve whether to stay up serving metrics and health after the bootstrap
 * @param mode a run, or one of the read-only looks at what a run would do
 * @param json whether a check or plan prints JSON
 */
record CommandLine(Path configFile, boolean configGiven, boolean help, boolean serve, Mode mode, boolean json) {

  /** What the process does. */
  enum Mode {
    /** Bootstrap the database. */
    RUN,
    /** Reads only: exit 0 when a run would change nothing, 1 when work is pending. */
    CHECK,
    /** Reads only: print what a run would do. */
    PLAN
  }

  static final String USAGE = """
      Usage: db-bootstrap-agent [--config FILE] [--serve | --check | --plan [--json]] [--help]
        Brings the database named by DATABASE_URL to the current schema, creates the platform admin,
        its team, the default roles, and hands orphaned rows to the admin's team; then exits.
        --config FILE   settings file (JSON object of the variables below; default conf/bootstrap.json)
        --serve         stay up: /metrics, /health/live, /health/ready on HTTP_HOST (default all
                        interfaces) and HTTP_PORT (default 9464)
        --check         read only (no lock, no writes): exit 0 when the database is ready, 1 when work
                        is pending (a startup probe)
        --plan          read only: print what a run would do (the schema decision with each pending
                        migration, each step's rows); exit 0, or 1 when work is pending
        --json          with --check or --plan: print it as one JSON object
        --help          print this text
      Environment (overrides the file): DATABASE_URL, EMAIL_AUTH_ENABLED, PLATFORM_ADMIN_EMAIL,
        PLATFORM_ADMIN_PASSWORD, PLATFORM_ADMIN_FULL_NAME, AUTO_CREATE_PERSONAL_TEAMS,
        PASSWORD_CHANGE_ENFORCEMENT_ENABLED, ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP,
        MIGRATION_LOCK_TIMEOUT (seconds), BCRYPT_COST, DB_MAX_RETRIES, DB_RETRY_INTERVAL_MS,
        MCPGATEWAY_SKIP_MIGRATIONS, MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED,
        MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE, GATEWAY_REPLICAS, MIGRATION_LOCATIONS, SERVE, HTTP_HOST, HTTP_PORT;
        DATABASE_URL_FILE and PLATFORM_ADMIN_PASSWORD_FILE read the value from a file (secrets)
      One-shot metrics: PUSHGATEWAY_URL (http[s]://[user:password@]host:port) pushes the step timers,
        row counters and readiness to a Prometheus Pushgateway at the end of a run, success or failure
        (job db-bootstrap-agent), never changing the exit code; PUSHGATEWAY_INSTANCE (default: HOSTNAME,
        else the host name), PUSHGATEWAY_TIMEOUT_MS (default 2000)
      Exit codes: 0 ready, 1 work pending (--check, --plan), 2 bad option/config/URL, 3 unreachable,
        4 login rejected, 5 lock timeout, 6 unknown schema, 7 migration failed, 8 step failed,
        9 lock release failed, 10 lock failed, 11 schema not current with MCPGATEWAY_SKIP_MIGRATIONS,
        12 TLS failed (certificate not trusted or for another host, or the server requires TLS),
        70 internal error, 130 stopped by SIGINT, 143 stopped by SIGTERM""";

  static CommandLine parse(String... args) {
    Path config = SettingsLoader.DEFAULT_FILE;
    boolean given = false;
    boolean help = false;
    boolean serve = false;
    boolean json = false;
    Mode mode = Mode.RUN;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--serve" -> serve = true;
        case "--json" -> json = true;
        case "--check", "--plan" -> {
          Mode asked = arg.equals("--check") ? Mode.CHECK : Mode.PLAN;
          if (mode != Mode.RUN && mode != asked) {
            throw usage("--check and --plan cannot go together");
          }
          mode = asked;
        }
        case "--config" -> {
          if (i + 1 >= args.length) {
            throw usage("--config needs a file name");
          }
          config = file(args[++i]);
          given = true;
        }
        default -> {
          if (!arg.startsWith("--config=")) {
            throw usage("unknown option '" + name(arg) + "'");
          }
          config = file(arg.substring("--config=".length()));
          given = true;
        }
      }
    }
    if (serve && mode != Mode.RUN) {
      throw usage("--serve cannot go with --" + mode.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (json && mode == Mode.RUN) {
      throw usage("--json goes with --check or --plan");
    }
    return new CommandLine(config, given, help, serve, mode, json);
  }

  /** Whether this run only reads (its log lines then go to stderr, so stdout carries the answer alone). */
  boolean readOnly() {
    return mode != Mode.RUN;
  }

  /** An option as a message shows it: what follows an '=' may be a password handed to an option we do not have. */
  private static String name(String arg) {
    int equals = arg.indexOf('=');
    return equals < 0 ? arg : arg.substring(0, equals) + "=...";
  }

  private static Path file(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw usage("--config names no usable file name");
    }
  }

  private static BootstrapException usage(String what) {
    return new BootstrapException(Reason.BAD_CONFIG, what + "; run with --help for the options");
  }
}
