package io.mcpgateway.bootstrap.tools;

import io.mcpgateway.bootstrap.launch.Jvm;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's training run for the start-up caches ({@code bin/train-startup-caches} runs it with
 * {@code -XX:ArchiveClassesAtExit}, {@code bin/train-aot-cache} with {@code -XX:AOTCacheOutput} on
 * a JDK 25+); every class loaded here starts from the cache afterwards. It lives outside the agent's
 * jar, in a jar of its own that the launcher puts after the agent's on the class path (a JDK 25
 * cache serves only the class path it was trained with; nothing of this jar is loaded at run time).
 *
 * <p>Given a kind ({@code sqlite}, {@code postgresql}, {@code mysql}) it trains on that kind alone:
 * a JDK 25 cache loads every class it holds when the JVM starts, so a cache per kind spares each run
 * the other kinds' classes. Given none, it trains on every kind (the JDK 17 archive, which loads its
 * classes only when asked). Each kind runs the command line's own code path: a new database (with
 * Flyway), the same one ready, and {@code --check} (the startup probe). SQLite runs on a scratch
 * file; a server on a database it creates and drops on the server of {@code CDS_TRAINING_PG_URL} /
 * {@code CDS_TRAINING_MYSQL_URL} (bench/run sets them), else of {@code TEST_PG_URL} /
 * {@code TEST_MYSQL_URL} (.ci/run sets them), else a connection to a closed port, which loads the
 * client's connect path without a server. Its last line per kind
 * names what it ran on.
 */
public final class CacheTraining {

  /** A server kind: the variables that name it, the drop statement of a scratch database, a closed port. */
  private record Server(String kind, String trainingVariable, String testVariable, String dropSql, String closedUrl) {
  }

  private static final List<Server> SERVERS = List.of(
      new Server("postgresql", "CDS_TRAINING_PG_URL", "TEST_PG_URL", "DROP DATABASE IF EXISTS %s WITH (FORCE)",
          "postgresql://u@127.0.0.1:1/closed"),
      new Server("mysql", "CDS_TRAINING_MYSQL_URL", "TEST_MYSQL_URL", "DROP DATABASE IF EXISTS %s",
          "mysql://u@127.0.0.1:1/closed"));

  private CacheTraining() {
  }

  public static void main(String[] args) throws Exception {
    Jvm.prepare(); // Main.main's first line, which Main.run below skips
    List<String> kinds = args.length > 0 ? List.of(args) : List.of("sqlite", "postgresql", "mysql");
    Path folder = Files.createTempDirectory("cds-training");
    try {
      Path config = Files.writeString(folder.resolve("training.json"), "{}");
      for (String kind : kinds) {
        String trainedOn = kind.equals("sqlite") ? trainSqlite(folder, config) : train(server(kind), config);
        System.out.println("[cache training] " + kind + ": " + trainedOn);
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    System.exit(0); // the archive is written at exit
  }

  private static Server server(String kind) {
    return SERVERS.stream().filter(server -> server.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such kind: " + kind + " (sqlite, postgresql, mysql)"));
  }

  private static String trainSqlite(Path folder, Path config) throws Exception {
    runAgentThrice("sqlite:///" + folder.resolve("train.db"), config);
    return "a scratch file";
  }

  /**
   * The runs on a new database of its own on the server of {@code CDS_TRAINING_*}, else of
   * {@code TEST_*}, dropped afterwards: a cache must see a new database's path too (Flyway). Says
   * what it ran on.
   */
  private static String train(Server server, Path config) throws Exception {
    String variable = System.getenv(server.trainingVariable()) != null ? server.trainingVariable() : server.testVariable();
    String serverUrl = System.getenv(variable);
    if (serverUrl != null && !serverUrl.isBlank()) {
      try (ScratchDatabase scratch = ScratchDatabase.create(serverUrl, server.dropSql())) {
        runAgentThrice(scratch.url(), config);
        return "a new database on " + variable + "'s server";
      } catch (Exception unreachable) {
        System.out.println("[cache training] no scratch database on " + variable + "'s server: " + unreachable);
      }
    }
    runAgent(server.closedUrl(), config);
    return "a closed port only (no server to reach: its runs will load the rest from the jar)";
  }

  /** A new database, the same one ready, and the startup probe on it. */
  private static void runAgentThrice(String databaseUrl, Path config) throws Exception {
    runAgent(databaseUrl, config);
    runAgent(databaseUrl, config);
    runAgent(databaseUrl, config, "--check");
  }

  /** The command line's own path (Main.run), minus the final halt; one-shot, whatever conf/ says. */
  private static void runAgent(String databaseUrl, Path config, String... options) throws Exception {
    Method run = Class.forName("io.mcpgateway.bootstrap.cli.Main").getDeclaredMethod("run", String[].class, Map.class);
    run.setAccessible(true);
    String[] args = Stream.concat(Stream.of("--config", config.toString()), Stream.of(options)).toArray(String[]::new);
    // No retries: a closed port fails at once (its failure path is trained too).
    run.invoke(null, args, Map.of("DATABASE_URL", databaseUrl, "BCRYPT_COST", "4", "MIGRATION_LOCK_TIMEOUT", "30",
        "SERVE", "false", "DB_MAX_RETRIES", "0"));
  }
}
