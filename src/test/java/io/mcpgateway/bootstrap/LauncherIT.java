package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Http;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged agent as an operator starts it: bin/db-bootstrap-agent with the caches the build
 * trained, as a separate process, judged by its exit code, its output and the rows it leaves.
 */
class LauncherIT {

  private static final Path LAUNCHER = Path.of("bin", "db-bootstrap-agent").toAbsolutePath();
  private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO|WARN|ERROR) +\\w+ - .*");

  record Run(int exitCode, String output) {
  }

  @Test
  void oneShotRunsCreateTheDatabaseThenTakeTheFastPath() throws Exception {
    try (TestDatabase database = TestDatabases.sqlite()) {
      Run first = launch(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4"));
      Run second = launch(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4"));

      assertEquals(0, first.exitCode(), first.output());
      assertTrue(first.output().contains("Database ready"), first.output());
      assertEquals(0, second.exitCode(), second.output());
      assertTrue(second.output().contains("the migration lock was not needed"), second.output());
      assertTrue(second.output().contains("0 row(s) changed"), second.output());
      assertEquals(1, new Sql(database).count("SELECT COUNT(*) FROM email_users"));
    }
  }

  /**
   * Everything a run prints is one of our log lines: no JDK warning (native access, Unsafe) and no
   * SLF4J notice about calls replayed from its start-up, which a background thread that logs while
   * logging is still starting would cause. Several runs per kind, since that one is a race.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mysql"})
  void everyLineARunPrintsIsOneOfOurLogLines(String kind) throws Exception {
    try (TestDatabase database = TestDatabases.of(kind)) {
      for (int run = 0; run < 6; run++) {
        Run result = launch(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4", "PLATFORM_ADMIN_PASSWORD", "Launcher-Test1"));

        assertEquals(0, result.exitCode(), result.output());
        for (String line : result.output().strip().split("\\R")) {
          assertTrue(LOG_LINE.matcher(line).matches(), "not a log line: " + line + "\n" + result.output());
        }
      }
    }
  }

  @Test
  void badInputExitsWithItsCodeAndOneLine() throws Exception {
    Run unknownOption = launch(Map.of(), "--frobnicate");
    Run badUrl = launch(Map.of("DATABASE_URL", "oracle://u:topsecret@db/x"));

    assertEquals(2, unknownOption.exitCode());
    assertEquals(1, unknownOption.output().strip().lines().count(), unknownOption.output());
    assertEquals(2, badUrl.exitCode());
    assertTrue(!badUrl.output().contains("topsecret"), badUrl.output());
  }

  /**
   * A cache trained on an earlier build is refused by the JVM without a word (about three times
   * slower a start); the launcher says so on one line and starts without it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"db-bootstrap-agent-sqlite.aot", "db-bootstrap-agent.jsa"})
  void aCacheOlderThanTheJarIsNamedAndLeftOut(String cacheName, @TempDir Path home) throws Exception {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path target = Files.createDirectories(home.resolve("target"));
    Files.copy(LAUNCHER, bin.resolve("db-bootstrap-agent"));
    Path jar = Files.createSymbolicLink(target.resolve("db-bootstrap-agent-all.jar"),
        Path.of("target", "db-bootstrap-agent-all.jar").toAbsolutePath());
    // Not a cache: were it passed to the JVM, the run would fail. Older than the jar, it must not be.
    Path cache = Files.writeString(target.resolve(cacheName), "stale");
    Files.setLastModifiedTime(cache, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
    if (cacheName.endsWith(".aot")) {
      Files.writeString(target.resolve("db-bootstrap-agent.aot.java"), Path.of(System.getProperty("java.home"), "bin", "java") + "\n\n");
    }

    Run help = launch(bin.resolve("db-bootstrap-agent"), Map.of(), "--help");

    assertEquals(0, help.exitCode(), help.output());
    List<String> warnings = help.output().lines().filter(line -> line.contains("older than the jar")).toList();
    assertEquals(List.of("db-bootstrap-agent: " + cache + " is older than the jar; starting without it (about 3x slower)"
        + " until 'mvn package' trains it again"), warnings, help.output());
    assertTrue(help.output().contains("--serve"), help.output());
  }

  @Test
  void aSigtermWhileWaitingForTheLockStopsWithinTwoSecondsWith143() throws Exception {
    try (TestDatabase database = TestDatabases.sqlite(); AutoCloseable held = database.holdMigrationLock()) {
      Process agent = start(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4"));
      StringBuilder output = new StringBuilder();
      java.io.BufferedReader lines = readUntil(agent, output, "Migration lock is held by");

      long signalled = System.nanoTime();
      terminate(agent);
      assertTrue(agent.waitFor(5, TimeUnit.SECONDS), "the agent exits");
      long millis = (System.nanoTime() - signalled) / 1_000_000;
      lines.lines().forEach(line -> output.append(line).append('\n'));

      assertEquals(143, agent.exitValue(), output.toString());
      assertTrue(millis < 2000, "exited " + millis + " ms after the signal");
      assertTrue(output.toString().contains("Bootstrap stopped at step lock: stopped while waiting for the migration lock"),
          output.toString());
    }
  }

  @Test
  void aSigtermInServeModeExitsWith143() throws Exception {
    try (TestDatabase database = TestDatabases.sqlite()) {
      int port = freePort();
      Process agent = start(Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4", "HTTP_PORT", Integer.toString(port)),
          "--serve");
      awaitReady("http://127.0.0.1:" + port + "/health/ready");

      terminate(agent);

      assertTrue(agent.waitFor(5, TimeUnit.SECONDS), "the agent exits");
      assertEquals(143, agent.exitValue());
    }
  }

  /** Polls until the endpoint answers 200; refused connections while the process starts are retried. */
  private static void awaitReady(String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (Http.get(url).statusCode() == 200) {
          return;
        }
      } catch (java.net.ConnectException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(url + " did not answer 200 within 30 s");
      }
      Thread.sleep(50);
    }
  }

  /** SIGTERM, as Kubernetes sends it (Process.destroy would also close the output we read). */
  private static void terminate(Process agent) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(agent.pid())).start().waitFor());
  }

  private static Process start(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(environment);
    builder.directory(Path.of("target").toFile());
    return builder.start();
  }

  /** Reads the process's output line by line until one contains {@code wanted}. */
  private static java.io.BufferedReader readUntil(Process process, StringBuilder output, String wanted) throws Exception {
    java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      output.append(line).append('\n');
      if (line.contains(wanted)) {
        return lines;
      }
    }
    throw new AssertionError("the agent ended before printing '" + wanted + "': " + output);
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Run launch(Map<String, String> environment, String... args) throws Exception {
    return launch(LAUNCHER, environment, args);
  }

  private static Run launch(Path launcher, Map<String, String> environment, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(environment);
    builder.directory(Path.of("target").toFile()); // no conf/bootstrap.json there: defaults and environment only
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the agent exits");
    return new Run(process.exitValue(), output);
  }
}
