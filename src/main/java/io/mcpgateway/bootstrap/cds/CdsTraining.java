package io.mcpgateway.bootstrap.cds;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The build's training run for the class-data-sharing archive ({@code mvn package} runs it with
 * {@code -XX:ArchiveClassesAtExit}); every class loaded here starts from the archive afterwards.
 * It runs the command line's own code path on a scratch SQLite database twice (the new-database
 * path with Flyway, then the fast path), and on a server when {@code CDS_TRAINING_PG_URL} or
 * {@code CDS_TRAINING_MYSQL_URL} names a scratch database (bench/run does). Without those it tries
 * a connection to a closed port and loads the server clients' classes, which needs no server.
 */
public final class CdsTraining {

  /** Jars whose classes a run against a server may need, named by one class in each. */
  private static final List<String> SERVER_CLASSES = List.of(
      "io.vertx.pgclient.PgConnection", "io.vertx.mysqlclient.MySQLConnection", "io.netty.handler.codec.ByteToMessageDecoder",
      "org.flywaydb.database.postgresql.PostgreSQLDatabaseType", "org.flywaydb.database.mysql.MySQLDatabaseType",
      "org.postgresql.Driver", "org.mariadb.jdbc.Driver");

  private CdsTraining() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("io.netty.jfr.enabled", "false");
    Path folder = Files.createTempDirectory("cds-training");
    try {
      Path config = Files.writeString(folder.resolve("training.json"), "{}");
      String sqlite = "sqlite:///" + folder.resolve("train.db");
      runAgent(sqlite, config);
      runAgent(sqlite, config);
      for (String variable : List.of("CDS_TRAINING_PG_URL", "CDS_TRAINING_MYSQL_URL")) {
        String url = System.getenv(variable);
        runAgent(url != null ? url : variable.contains("PG") ? "postgresql://u@127.0.0.1:1/closed" : "mysql://u@127.0.0.1:1/closed",
            config);
        if (url != null) {
          runAgent(url, config);
        }
      }
      if (System.getenv("CDS_TRAINING_LOAD_ALL") != null) {
        for (String anchor : SERVER_CLASSES) {
          loadAllClassesBeside(Class.forName(anchor, false, CdsTraining.class.getClassLoader()));
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
  private static void runAgent(String databaseUrl, Path config) throws Exception {
    Method run = Class.forName("io.mcpgateway.bootstrap.Main").getDeclaredMethod("run", String[].class, Map.class);
    run.setAccessible(true);
    run.invoke(null, new String[] {"--config", config.toString()}, Map.of("DATABASE_URL", databaseUrl, "BCRYPT_COST", "4",
        "MIGRATION_LOCK_TIMEOUT", "30", "SERVE", "false"));
  }

  private static void loadAllClassesBeside(Class<?> anchor) throws IOException, URISyntaxException {
    Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = CdsTraining.class.getClassLoader();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(entry -> entry.getName())
          .filter(name -> name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .forEach(name -> {
            try {
              Class.forName(name, false, loader);
            } catch (Throwable optionalDependencyMissing) {
              // classes for optional integrations (Kerberos, JNA, ...) are simply not archived
            }
          });
    }
  }
}
