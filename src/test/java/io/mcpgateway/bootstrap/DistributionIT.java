package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.mcpgateway.bootstrap.support.UnpackedDistribution;
import io.mcpgateway.bootstrap.support.UnpackedDistribution.Run;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.vertx.core.json.JsonObject;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.util.OSInfo;

/**
 * The distribution as an operator gets it (target/db-bootstrap-agent-&lt;version&gt;.tar.gz): unpacked
 * into a folder elsewhere, made read-only, started by another user (nobody, when the tests run as
 * root) without a JDK on the PATH. It must run on its own runtime with its AOT cache, the JVM's own
 * word for which is where it loaded the agent's main class from; a cache it cannot use is named on
 * one line and the run goes on.
 */
class DistributionIT {

  private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO|WARN|ERROR) +\\w+ - .*");
  private static final long MAX_ARCHIVE_BYTES = 90_000_000L;

  private static Path archive;
  private static UnpackedDistribution distribution;

  @BeforeAll
  static void unpackElsewhere() throws Exception {
    archive = UnpackedDistribution.archive();
    distribution = UnpackedDistribution.unpack(archive);
    distribution.makeReadOnly();
  }

  @AfterAll
  static void removeIt() throws Exception {
    if (distribution != null) {
      distribution.close();
    }
  }

  @Test
  void theArchiveStaysUnder90MiB() throws Exception {
    long unpacked;
    try (var files = Files.walk(distribution.home())) {
      unpacked = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
    System.err.printf("[DistributionIT] %s: %.1f MiB compressed, %.1f MiB unpacked%n", archive.getFileName(),
        Files.size(archive) / 1048576.0, unpacked / 1048576.0);
    assertTrue(Files.size(archive) < MAX_ARCHIVE_BYTES, Files.size(archive) + " bytes");
  }

  /**
   * Its runtime runs on one platform only: the jar keeps sqlite-jdbc's library for that one alone,
   * and sqlite-jdbc still loads it from the jar when the launcher's unpacked copy is not there.
   */
  @Test
  void theJarKeepsTheSqliteLibraryOfItsRuntimesPlatformOnly() throws Exception {
    distribution.assumeRuntime();
    List<String> libraries;
    try (ZipFile jar = new ZipFile(distribution.home().resolve("lib/db-bootstrap-agent-all.jar").toFile())) {
      libraries = jar.stream().map(ZipEntry::getName)
          .filter(name -> name.startsWith("org/sqlite/native/") && !name.endsWith("/")).toList();
    }
    assertEquals(List.of("org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so"), libraries);

    Path unpackedHere = Files.createDirectory(distribution.scratch().resolve("sqlite-from-the-jar"));
    try (TestDatabase database = TestDatabases.of("sqlite")) {
      Run run = distribution.launch(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4",
          "PLATFORM_ADMIN_PASSWORD", "Distribution-Test1",
          "JAVA_OPTS", "-Dorg.sqlite.lib.path=" + unpackedHere.resolve("none") + " -Dorg.sqlite.tmpdir=" + unpackedHere), false);

      assertEquals(0, run.exitCode(), run.output());
      assertTrue(run.output().contains("Database ready"), run.output());
      try (var files = Files.list(unpackedHere)) {
        assertTrue(files.anyMatch(file -> file.getFileName().toString().endsWith("libsqlitejdbc.so")),
            "sqlite-jdbc did not take its library from the jar");
      }
    }
  }

  /**
   * An empty database, then the same one ready: both runs start from their kind's cache (Flyway's
   * classes too, on the empty one) and print log lines only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mysql"})
  void unpackedElsewhereItRunsOnEveryKindWithItsCache(String kind) throws Exception {
    distribution.assumeRuntime();
    boolean asNobody = UnpackedDistribution.canRunAsNobody();
    try (TestDatabase database = TestDatabases.of(kind)) {
      if (database.url().file() != null) {
        Files.setPosixFilePermissions(database.url().file().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      Map<String, String> environment = Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4",
          "PLATFORM_ADMIN_PASSWORD", "Distribution-Test1");
      for (String run : List.of("cold", "warm")) {
        Run result = distribution.launch(environment, asNobody);

        String what = kind + ", " + run + (asNobody ? ", as nobody" : "") + ":\n" + result.output();
        assertEquals(0, result.exitCode(), what);
        assertTrue(result.output().contains("Database ready"), what);
        assertTrue(result.mainClassFromCache(), "the JVM did not load the agent from its AOT cache; " + what);
        assertEquals("db-bootstrap-agent-" + kind + ".aot", result.cacheOpened(), what);
        if (run.equals("cold")) {
          assertTrue(result.fromCache("org.flywaydb.core.Flyway"), "the cache was trained without a new database; " + what);
        }
        for (String line : result.output().strip().split("\\R")) {
          assertTrue(LOG_LINE.matcher(line).matches(), "not a log line: " + line + "\n" + what);
        }
      }
      assertEquals(1, new Sql(database).count("SELECT COUNT(*) FROM email_users"));
    }
  }

  /** Where DATABASE_URL comes from; the launcher must find the kind there as the agent does. */
  enum UrlSource {
    ENVIRONMENT, ENVIRONMENT_FILE, SETTINGS_FILE, SETTINGS_FILE_NAMING_A_FILE
  }

  /** The run's kind picks its cache, wherever the URL is given; PostgreSQL, as it is not the default. */
  @ParameterizedTest
  @EnumSource(UrlSource.class)
  void theLauncherPicksTheCacheOfTheKindTheUrlNames(UrlSource source) throws Exception {
    distribution.assumeRuntime();
    try (TestDatabase database = TestDatabases.postgres()) {
      Path folder = Files.createTempDirectory("distribution-url");
      try {
        Path urlFile = Files.writeString(folder.resolve("database-url"), database.urlText() + "\n");
        Path settings = folder.resolve("settings.json");
        Map<String, String> environment = new HashMap<>(Map.of("BCRYPT_COST", "4"));
        switch (source) {
          case ENVIRONMENT -> environment.put("DATABASE_URL", database.urlText());
          case ENVIRONMENT_FILE -> environment.put("DATABASE_URL_FILE", urlFile.toString());
          case SETTINGS_FILE -> Files.writeString(settings, new JsonObject().put("BCRYPT_COST", "4")
              .put("DATABASE_URL", database.urlText()).encodePrettily());
          case SETTINGS_FILE_NAMING_A_FILE -> Files.writeString(settings, new JsonObject()
              .put("DATABASE_URL_FILE", urlFile.toString()).encodePrettily());
        }
        String[] args = Files.exists(settings) ? new String[] {"--config", settings.toString(), "--check"} : new String[] {"--check"};

        Run result = distribution.launch(environment, false, args);

        assertEquals(1, result.exitCode(), "an empty database has work pending:\n" + result.output());
        assertTrue(result.output().contains("pending"), result.output());
        assertEquals("db-bootstrap-agent-postgresql.aot", result.cacheOpened(), result.output());
        assertTrue(result.mainClassFromCache(), result.output());
      } finally {
        TestFiles.delete(folder);
      }
    }
  }

  /** What can go wrong between the training and a start, each seen by the launcher or by the JVM. */
  enum Tampering {
    /** An older jar than the cache: only the JVM notices (the jar's time differs from the trained one). */
    JAR_OLDER,
    /** A newer jar than the cache: the launcher notices before starting the JVM. */
    JAR_NEWER,
    /** The cache's first bytes overwritten, its time kept. */
    CACHE_DAMAGED
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void aCacheItCannotUseIsNamedOnOneLineAndTheRunGoesOn(Tampering tampering) throws Exception {
    distribution.assumeRuntime();
    try (UnpackedDistribution copy = distribution.copy(); TestDatabase database = TestDatabases.sqlite()) {
      Path jar = copy.home().resolve("lib/db-bootstrap-agent-all.jar");
      Path cache = copy.home().resolve("lib/db-bootstrap-agent-sqlite.aot");
      FileTime trained = Files.getLastModifiedTime(cache);
      switch (tampering) {
        case JAR_OLDER -> Files.setLastModifiedTime(jar, FileTime.fromMillis(trained.toMillis() - 3_600_000));
        case JAR_NEWER -> Files.setLastModifiedTime(jar, FileTime.fromMillis(trained.toMillis() + 3_600_000));
        case CACHE_DAMAGED -> {
          try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), 0);
          }
          Files.setLastModifiedTime(cache, trained);
        }
      }

      Run result = copy.launch(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4",
          "PLATFORM_ADMIN_PASSWORD", "Distribution-Test1"), false);

      assertEquals(0, result.exitCode(), result.output());
      assertTrue(result.output().contains("Database ready"), result.output());
      assertEquals(1, result.notices().size(), result.output());
      assertTrue(result.notices().get(0).contains(cache.toString()), result.output());
      assertFalse(result.mainClassFromCache(), "started without the cache");
    }
  }
}
