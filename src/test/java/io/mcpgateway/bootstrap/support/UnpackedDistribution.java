package io.mcpgateway.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.tls.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The distribution archive the build wrote, unpacked with tar into a folder of its own outside the
 * build, as an operator would. Runs its launcher with nothing of the test's environment: no
 * JAVA_HOME, and a PATH whose first java fails, so a run proves it started on its own runtime. Each
 * run logs the JVM's class loading to a file of its own (-Xlog:class+load), which says where each
 * class came from: the AOT cache or a jar.
 */
public final class UnpackedDistribution implements AutoCloseable {

  /** The launcher's notices start so; the agent's own lines are log lines. */
  public static final String NOTICE = "db-bootstrap-agent: ";

  private final Path folder;
  private final Path home;
  private final Path scratch;
  private int runs;

  private UnpackedDistribution(Path folder, Path home, Path scratch) {
    this.folder = folder;
    this.home = home;
    this.scratch = scratch;
  }

  /** The archive named by the build (skips when the build skipped it, fails when it is missing). */
  public static Path archive() {
    Assumptions.assumeFalse(Boolean.getBoolean("db.bootstrap.skipDist"), "the build skipped the distribution (-DskipDist or -DskipCds)");
    String name = System.getProperty("db.bootstrap.distribution");
    assertTrue(name != null, "no db.bootstrap.distribution: run through Maven's failsafe (mvn verify)");
    Path archive = Path.of(name);
    assertTrue(Files.isRegularFile(archive), "the build wrote no " + archive);
    return archive;
  }

  /** Unpacks {@code archive} into a new folder under the system's temporary folder. */
  public static UnpackedDistribution unpack(Path archive) throws Exception {
    // Readable and passable by everyone, so that another user can start it from there.
    Path folder = Files.createTempDirectory("db-bootstrap-dist", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    run(List.of("tar", "-xzf", archive.toString(), "-C", folder.toString()));
    String name = archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
    Path scratch = Files.createDirectory(folder.resolve("scratch"));
    Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path fakeJava = Files.createDirectories(scratch.resolve("path")).resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho 'java from the PATH was started' >&2\nexit 97\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new UnpackedDistribution(folder, folder.resolve(name), scratch);
  }

  /** A copy of this one in another folder (times kept), writable, to be tampered with. */
  public UnpackedDistribution copy() throws Exception {
    Path other = Files.createTempDirectory("db-bootstrap-dist-copy", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    run(List.of("cp", "-a", home.toString(), other.toString()));
    Path otherScratch = Files.createDirectory(other.resolve("scratch"));
    run(List.of("cp", "-a", scratch.resolve("path").toString(), otherScratch.toString()));
    Files.setPosixFilePermissions(otherScratch, PosixFilePermissions.fromString("rwxrwxrwx"));
    run(List.of("chmod", "-R", "u+w", other.toString()));
    return new UnpackedDistribution(other, other.resolve(home.getFileName()), otherScratch);
  }

  /** The distribution's own folder, db-bootstrap-agent-&lt;version&gt;. */
  public Path home() {
    return home;
  }

  /** A folder everyone may write to, outside the distribution: databases and logs go there. */
  public Path scratch() {
    return scratch;
  }

  /**
   * Skips the test when this machine has no JDK 25+ to link a runtime from; fails when it has one
   * and the archive still came without a runtime.
   */
  public void assumeRuntime() throws Exception {
    if (Files.isExecutable(home.resolve("runtime/bin/java"))) {
      return;
    }
    Process finder = new ProcessBuilder("bin/newest-jdk").redirectErrorStream(true).start();
    String found = new String(finder.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(finder.waitFor(60, TimeUnit.SECONDS));
    Assumptions.assumeTrue(finder.exitValue() == 0, "the archive has no Java runtime: this machine has no JDK 25 or newer");
    throw new AssertionError("the archive has no Java runtime although bin/newest-jdk finds " + found.replace('\n', ' '));
  }

  /** Takes the write permission away from everyone, as a read-only mount would. */
  public void makeReadOnly() throws Exception {
    run(List.of("chmod", "-R", "a-w", home.toString()));
  }

  /** Whether runs can be started as another user: the tests run as root and setpriv exists. */
  public static boolean canRunAsNobody() {
    return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
  }

  /**
   * A run of bin/db-bootstrap-agent, as the user nobody when {@code asNobody}; JAVA_OPTS in the
   * environment come before the options that log class and cache loading.
   */
  public Run launch(Map<String, String> environment, boolean asNobody, String... args) throws Exception {
    Path classLog = scratch.resolve("class-load-" + (++runs) + ".log");
    Path cacheLog = scratch.resolve("aot-" + runs + ".log");
    List<String> command = new ArrayList<>();
    if (asNobody) {
      command.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }
    command.add(home.resolve("bin/db-bootstrap-agent").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(scratch.toFile());
    builder.environment().clear();
    Map<String, String> env = new HashMap<>(environment);
    env.put("PATH", scratch.resolve("path") + ":/usr/bin:/bin");
    env.merge("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog + " -Xlog:aot=info:file=" + cacheLog,
        (given, logs) -> given + " " + logs);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the agent exits");
    String classes = Files.exists(classLog) ? Files.readString(classLog) : "";
    String cache = Files.exists(cacheLog) ? Files.readString(cacheLog) : "";
    return new Run(process.exitValue(), output, classes, cache);
  }

  /**
   * A finished run.
   *
   * @param classLoading the JVM's class-loading log: one line per class with its source
   * @param cacheLoading the JVM's log of the AOT cache it opened (-Xlog:aot)
   */
  public record Run(int exitCode, String output, String classLoading, String cacheLoading) {

    private static final Pattern OPENED = Pattern.compile("Opened AOT cache (.+)\\.$", Pattern.MULTILINE);

    /** Whether the JVM took the agent's main class from the AOT cache (a refused cache maps nothing). */
    public boolean mainClassFromCache() {
      return fromCache("io.mcpgateway.bootstrap.cli.Main");
    }

    /** Whether the JVM took this class from the AOT cache. */
    public boolean fromCache(String className) {
      return classLoading.lines().anyMatch(line -> line.endsWith(" " + className + " source: shared objects file"));
    }

    /** The file name of the AOT cache the JVM opened, or "" when it opened none. */
    public String cacheOpened() {
      Matcher opened = OPENED.matcher(cacheLoading);
      return opened.find() ? Path.of(opened.group(1)).getFileName().toString() : "";
    }

    public List<String> notices() {
      return output.lines().filter(line -> line.startsWith(NOTICE)).toList();
    }
  }

  @Override
  public void close() throws Exception {
    run(List.of("chmod", "-R", "u+w", folder.toString()));
    TestFiles.delete(folder);
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
  }
}
