package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The versioned migrations bundled for a kind, with the checksums Flyway records for them, read
 * without loading Flyway: the fast path compares these with the history table. Flyway's checksum
 * is a CRC32 over the file's lines without their line breaks (and without a leading BOM); a test
 * checks ours against the values Flyway wrote on every kind.
 */
public final class BundledMigrations {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

  /** One bundled migration: its version and description as Flyway writes them, and its checksum. */
  public record Migration(String version, String description, int checksum) {
  }

  private BundledMigrations() {
  }

  /**
   * The bundled versioned migrations, in version order; empty when the folder holds anything the
   * fast path does not model (repeatable {@code R__} files, callbacks, subfolders), so that Flyway,
   * which knows them all, decides.
   */
  public static List<Migration> of(DatabaseKind kind) {
    String folder = "db/migration/" + kind.scheme();
    ClassLoader loader = BundledMigrations.class.getClassLoader();
    List<Migration> migrations = new ArrayList<>();
    List<String> names = MigrationIndex.read(kind).orElseGet(() -> fileNames(loader.getResource(folder)));
    for (String name : names) {
      Matcher matcher = VERSIONED.matcher(name);
      if (!matcher.matches()) {
        return List.of();
      }
      migrations.add(new Migration(matcher.group(1).replace('_', '.'), matcher.group(2).replace('_', ' '),
          checksum(loader, folder + "/" + name)));
    }
    migrations.sort(Comparator.comparing(Migration::version, BundledMigrations::compareVersions));
    return migrations;
  }

  /** Without an index (classes not built by Maven): the folder as the class path shows it. */
  private static List<String> fileNames(URL folder) {
    if (folder == null) {
      return List.of();
    }
    try {
      if ("jar".equals(folder.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        String prefix = connection.getEntryName() + "/";
        try (JarFile jar = connection.getJarFile()) {
          // Every entry below the folder, subfolders included ("v3/V3__x.sql" then fails the pattern).
          return jar.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
              .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
              .map(name -> name.substring(prefix.length())).toList();
        }
      }
      return MigrationIndex.list(Path.of(folder.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int checksum(ClassLoader loader, String resource) {
    CRC32 crc = new CRC32();
    try (InputStream in = loader.getResourceAsStream(resource);
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  /**
   * Flyway's order: part by part as numbers, so "1.10" comes after "1.9", and a missing part counts
   * as 0. (Not String.format: its first call loads the JDK's locale data, ~5 ms of every start.)
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
}
