package io.mcpgateway.bootstrap.tools;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's training run for the start-up caches ({@code bin/train-startup-caches} runs it with
 * {@code -XX:ArchiveClassesAtExit}, and with {@code -XX:AOTCacheOutput} on a JDK 25+); every class
 * loaded here starts from the cache afterwards. It lives outside the agent's jar, in a jar of its
 * own that the launcher puts after the agent's on the class path (a JDK 25 cache serves only the
 * class path it was trained with; nothing of this jar is loaded at run time).
 *
 * <p>It runs the command line's own code path on a scratch SQLite database twice (the new-database
 * path with Flyway, then the fast path), and on a server when {@code CDS_TRAINING_PG_URL} or
 * {@code CDS_TRAINING_MYSQL_URL} names a scratch database (bench/run does); without those, a
 * connection to a closed port, which loads the connect path of each client without a server.
 */
public final class CacheTraining {

  private static final Map<String, String> SERVERS = Map.of(
      "CDS_TRAINING_PG_URL", "postgresql://u@127.0.0.1:1/closed", "CDS_TRAINING_MYSQL_URL", "mysql://u@127.0.0.1:1/closed");

  private CacheTraining() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("io.netty.jfr.enabled", "false");
    Path folder = Files.createTempDirectory("cds-training");
    try {
      Path config = Files.writeString(folder.resolve("training.json"), "{}");
      String sqlite = "sqlite:///" + folder.resolve("train.db");
      runAgent(sqlite, config);
      runAgent(sqlite, config);
      runAgent(sqlite, config, "--check"); // the startup probe starts as fast as a warm run
      for (String variable : List.of("CDS_TRAINING_PG_URL", "CDS_TRAINING_MYSQL_URL")) {
        String url = System.getenv(variable);
        runAgent(url != null ? url : SERVERS.get(variable), config);
        if (url != null) {
          runAgent(url, config);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    System.exit(0); // the archive is written at exit
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
