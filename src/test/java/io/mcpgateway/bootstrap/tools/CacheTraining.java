package io.mcpgateway.bootstrap.tools;

import io.mcpgateway.bootstrap.launch.Jvm;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>It runs the command line's own code path on a scratch SQLite database twice (the new-database
 * path with Flyway, then the fast path), and likewise on each server it can reach: the scratch
 * database named by {@code CDS_TRAINING_PG_URL} / {@code CDS_TRAINING_MYSQL_URL} (bench/run sets
 * them), else one it creates on the test server of {@code TEST_PG_URL} / {@code TEST_MYSQL_URL}
 * (.ci/run sets them) and drops. Without either, a connection to a closed port, which loads the
 * connect path of each client without a server. Its last line names the kinds it ran on.
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
    List<String> trained = new ArrayList<>(List.of("sqlite"));
    Path folder = Files.createTempDirectory("cds-training");
    try {
      Path config = Files.writeString(folder.resolve("training.json"), "{}");
      String sqlite = "sqlite:///" + folder.resolve("train.db");
      runAgent(sqlite, config);
      runAgent(sqlite, config);
      runAgent(sqlite, config, "--check"); // the startup probe starts as fast as a warm run
      for (Server server : SERVERS) {
        if (train(server, config)) {
          trained.add(server.kind());
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    System.out.println("[cache training] trained on: " + String.join(" ", trained));
    System.exit(0); // the archive is written at exit
  }

  /** A cold and a warm run on the server's scratch database; false when there is none to reach. */
  private static boolean train(Server server, Path config) throws Exception {
    String url = System.getenv(server.trainingVariable());
    if (url != null) {
      runAgent(url, config);
      runAgent(url, config);
      return true;
    }
    String testServer = System.getenv(server.testVariable());
    if (testServer != null && !testServer.isBlank()) {
      try (ScratchDatabase scratch = ScratchDatabase.create(testServer, server.dropSql())) {
        runAgent(scratch.url(), config);
        runAgent(scratch.url(), config);
        return true;
      } catch (Exception unreachable) {
        System.out.println("[cache training] no scratch database on " + server.testVariable() + "'s server: " + unreachable);
      }
    }
    runAgent(server.closedUrl(), config);
    return false;
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
