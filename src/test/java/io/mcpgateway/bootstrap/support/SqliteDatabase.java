package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A SQLite file in a fresh temporary folder. The lock is held by a child JVM ({@link HoldFileLock}):
 * OS file locks do not exclude threads of one JVM, and another replica is another process.
 */
final class SqliteDatabase implements TestDatabase {

  private final Path folder;
  private final DatabaseUrl url;

  SqliteDatabase() throws Exception {
    folder = Files.createTempDirectory("dbboot");
    url = DatabaseUrl.parse(urlText0());
  }

  private String urlText0() {
    return "sqlite:///" + folder.resolve("mcp.db");
  }

  @Override
  public DatabaseUrl url() {
    return url;
  }

  @Override
  public String urlText() {
    return urlText0();
  }

  @Override
  public HeldLock holdMigrationLock() throws Exception {
    Path lockFile = folder.resolve("mcp.db.migration-lock");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HoldFileLock.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(HoldFileLock.LOCKED)) {
      child.destroyForcibly();
      throw new IllegalStateException("lock holder did not start: " + line);
    }
    String mark = line.substring(HoldFileLock.LOCKED.length()).strip();
    return new HeldLock() {
      @Override
      public String holderMark() {
        return mark;
      }

      @Override
      public void close() throws Exception {
        child.getOutputStream().close(); // the holder exits when its stdin closes
        child.waitFor();
      }
    };
  }

  /** A file has no sessions: how many of this process's open files are in its folder (Linux's /proc). */
  @Override
  public OptionalLong otherSessions() throws SQLException {
    Path descriptors = Path.of("/proc/self/fd");
    if (!Files.isDirectory(descriptors)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> open = Files.list(descriptors)) {
      Path realFolder = folder.toRealPath();
      return OptionalLong.of(open.filter(descriptor -> pointsInto(descriptor, realFolder)).count());
    } catch (IOException e) {
      throw new SQLException("cannot list this process's open files", e);
    }
  }

  private static boolean pointsInto(Path descriptor, Path folder) {
    try {
      return Files.readSymbolicLink(descriptor).startsWith(folder);
    } catch (IOException closedMeanwhile) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
