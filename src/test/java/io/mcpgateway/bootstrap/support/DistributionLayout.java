package io.mcpgateway.bootstrap.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the distribution archive holds and where the image puts it, for tests of the files that name
 * paths inside it (Dockerfile, docker-compose.yml, deploy/kubernetes/). When {@code mvn package} has
 * built {@code target/db-bootstrap-agent-<version>.tar.gz}, its entries are read; otherwise the
 * layout agreed with the distribution's build stands in, and a note says so.
 */
public final class DistributionLayout {

  /** Where the Dockerfile unpacks the distribution's folder. */
  public static final String INSTALL_ROOT = "/opt/db-bootstrap-agent";

  /** Until the archive is built: the folder's agreed content (a trailing slash is a folder). */
  private static final List<String> AGREED = List.of(
      "bin/db-bootstrap-agent", "bin/jvm-options", "lib/", "conf/bootstrap.json", "runtime/bin/java");

  private static List<String> entries;

  private DistributionLayout() {
  }

  /** The project's version, from pom.xml. */
  public static String version() throws Exception {
    Matcher version = Pattern.compile("<artifactId>db-bootstrap-agent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    if (!version.find()) {
      throw new AssertionError("no version of db-bootstrap-agent in pom.xml");
    }
    return version.group(1);
  }

  public static Path archive() throws Exception {
    return Path.of("target", "db-bootstrap-agent-" + version() + ".tar.gz");
  }

  /** Whether {@code absolute}, a path in the image, is {@link #INSTALL_ROOT} plus something the distribution holds. */
  public static boolean holds(String absolute) throws Exception {
    if (!absolute.startsWith(INSTALL_ROOT + "/")) {
      return false;
    }
    String relative = absolute.substring(INSTALL_ROOT.length() + 1);
    return entries().stream().anyMatch(entry -> entry.equals(relative) || entry.startsWith(relative.endsWith("/") ? relative : relative + "/"));
  }

  /** The distribution folder's entries, relative to it. */
  public static synchronized List<String> entries() throws Exception {
    if (entries == null) {
      entries = Files.isRegularFile(archive()) ? read(archive()) : agreed();
    }
    return entries;
  }

  private static List<String> agreed() throws Exception {
    System.err.println("[db-bootstrap-agent tests] no " + archive() + " (mvn package builds it): paths are checked"
        + " against the agreed layout " + AGREED);
    return AGREED;
  }

  /** {@code tar -tzf}: every entry, without the archive's top folder. */
  private static List<String> read(Path archive) throws Exception {
    Process tar = new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
    String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new AssertionError("tar -tzf " + archive + ": " + listing);
    }
    String top = "db-bootstrap-agent-" + version() + "/";
    List<String> all = listing.lines().toList();
    List<String> outside = all.stream().filter(entry -> !entry.startsWith(top)).toList();
    if (!outside.isEmpty()) {
      throw new AssertionError("entries outside " + top + " in " + archive + ": " + outside);
    }
    return all.stream().map(entry -> entry.substring(top.length())).filter(entry -> !entry.isEmpty()).toList();
  }
}
