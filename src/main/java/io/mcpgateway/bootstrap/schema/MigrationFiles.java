package io.mcpgateway.bootstrap.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The versioned migrations of a set of locations, with the checksums Flyway records for them, read
 * without loading Flyway: the fast path compares these with the history table. Flyway's checksum
 * is a CRC32 over the file's lines without their line breaks (and without a leading BOM); a test
 * checks ours against the values Flyway wrote on every database.
 *
 * <p>The answer is empty whenever it could be wrong or dear: a location holding anything the fast
 * path does not model (repeatable {@code R__} files, callbacks, Java migrations, subfolders), two
 * files of one version, a location that does not exist, or a class-path root that is neither a
 * folder nor a jar. Flyway, which knows them all, then decides.
 */
final class MigrationFiles {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
  private static final String CLASSPATH = "classpath:";
  private static final String FILESYSTEM = "filesystem:";

  /** One migration: its version and description as Flyway writes them, and its checksum. */
  record Migration(String version, String description, int checksum) {
  }

  /** Opens one file of a folder by its relative name. */
  private interface Opener {
    InputStream open(String name) throws IOException;
  }

  private MigrationFiles() {
  }

  /** In version order; empty when Flyway must decide (see the class comment). */
  static Optional<List<Migration>> read(List<String> locations, ClassLoader loader) {
    try {
      List<Migration> all = new ArrayList<>();
      for (String location : locations) {
        Optional<List<Migration>> found = onFilesystem(location)
            ? fromFolder(Path.of(location.substring(FILESYSTEM.length())))
            : fromClassPath(classPathOf(location), loader);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        all.addAll(found.get());
      }
      if (all.isEmpty() || new HashSet<>(all.stream().map(Migration::version).toList()).size() < all.size()) {
        return Optional.empty();
      }
      all.sort(Comparator.comparing(Migration::version, MigrationFiles::compareVersions));
      return Optional.of(Collections.unmodifiableList(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether every location is on the class path and found in jars only (see {@link JarMigrations}). */
  static boolean inJarsOnly(List<String> locations, ClassLoader loader) throws IOException {
    for (String location : locations) {
      if (onFilesystem(location)) {
        return false;
      }
      for (URL root : Collections.list(loader.getResources(folderOf(classPathOf(location))))) {
        if (!root.getProtocol().equals("jar")) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean onFilesystem(String location) {
    return location.toLowerCase(Locale.ROOT).startsWith(FILESYSTEM);
  }

  /** The class-path folder of a location, with or without its {@code classpath:} prefix. */
  private static String classPathOf(String location) {
    return location.substring(location.toLowerCase(Locale.ROOT).startsWith(CLASSPATH) ? CLASSPATH.length() : 0);
  }

  private static String folderOf(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  private static Optional<List<Migration>> fromFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    return parse(MigrationIndex.list(folder), name -> Files.newInputStream(folder.resolve(name)));
  }

  /** Every class-path root that holds the folder counts, as it does for Flyway. */
  private static Optional<List<Migration>> fromClassPath(String path, ClassLoader loader) throws IOException {
    String folder = folderOf(path);
    List<URL> roots = Collections.list(loader.getResources(folder));
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    List<Migration> all = new ArrayList<>();
    for (URL root : roots) {
      Optional<List<Migration>> found = switch (root.getProtocol()) {
        case "file" -> fromFolder(toPath(root));
        case "jar" -> fromJar(root, folder);
        default -> Optional.empty();
      };
      if (found.isEmpty()) {
        return Optional.empty();
      }
      all.addAll(found.get());
    }
    return Optional.of(all);
  }

  private static Optional<List<Migration>> fromJar(URL folderUrl, String folder) throws IOException {
    String spec = folderUrl.toString().replaceAll("/+$", ""); // a folder's entry may end in '/'
    int separator = spec.indexOf("!/");
    if (separator < 0) {
      return Optional.empty();
    }
    Optional<List<String>> indexed = readIndex(url(spec.substring(0, separator + 2) + MigrationIndex.resourceOf(folder)));
    List<String> names = indexed.isPresent() ? indexed.get() : listJar(folderUrl);
    return parse(names, name -> url(spec + "/" + name).openStream());
  }

  private static Optional<List<String>> readIndex(URL index) {
    try (InputStream in = index.openStream()) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return Optional.of(reader.lines().filter(line -> !line.isBlank()).toList());
    } catch (IOException absent) {
      return Optional.empty();
    }
  }

  /** Without an index: every entry below the folder, subfolders included ("v3/V3__x.sql" then fails the pattern). */
  private static List<String> listJar(URL folderUrl) throws IOException {
    JarURLConnection connection = (JarURLConnection) folderUrl.openConnection();
    connection.setUseCaches(false);
    String prefix = connection.getEntryName() + "/";
    try (JarFile jar = connection.getJarFile()) {
      return jar.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
          .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
          .map(name -> name.substring(prefix.length())).sorted().toList();
    }
  }

  private static Optional<List<Migration>> parse(List<String> names, Opener opener) throws IOException {
    List<Migration> migrations = new ArrayList<>();
    for (String name : names) {
      Matcher matcher = VERSIONED.matcher(name);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      try (InputStream in = opener.open(name)) {
        migrations.add(new Migration(matcher.group(1).replace('_', '.'), matcher.group(2).replace('_', ' '), checksum(in)));
      }
    }
    return Optional.of(migrations);
  }

  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line != null && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    for (; line != null; line = reader.readLine()) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  /**
   * Flyway's order: part by part as numbers, so "1.10" comes after "1.9", and a missing part counts
   * as 0. (Not String.format: its first call loads the JDK's locale data.)
   */
  static int compareVersions(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int order = new BigInteger(i < a.length ? a[i] : "0").compareTo(new BigInteger(i < b.length ? b[i] : "0"));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static URL url(String spec) throws IOException {
    return URI.create(spec).toURL();
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
