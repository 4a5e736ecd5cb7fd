package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The names of the files in each kind's migration folder, written into the build's classes at
 * {@code process-classes} (by this class's {@link #main}) so that the fast path need not list a
 * jar: listing one means reading every entry of it, which in the single-jar build is ~9,000
 * entries and tens of milliseconds. The index is only a list of names; the checksums are still
 * computed from the files themselves at start-up.
 */
public final class MigrationIndex {

  static final String FOLDER = "META-INF/db-bootstrap-agent/migrations/";

  private MigrationIndex() {
  }

  /** The indexed file names of {@code kind}'s folder, relative to it; empty when there is no index. */
  static Optional<List<String>> read(DatabaseKind kind) {
    try (InputStream in = MigrationIndex.class.getClassLoader().getResourceAsStream(FOLDER + kind.scheme())) {
      if (in == null) {
        return Optional.empty();
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return Optional.of(reader.lines().filter(line -> !line.isBlank()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file below {@code folder}, as relative names with '/' separators, sorted. */
  static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"))
          .sorted().toList();
    }
  }

  /** Build step: writes the index of every kind into the classes folder given as the argument. */
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    for (DatabaseKind kind : DatabaseKind.values()) {
      Path folder = classes.resolve("db/migration/" + kind.scheme());
      List<String> names = Files.isDirectory(folder) ? list(folder) : List.of();
      Path index = classes.resolve(FOLDER + kind.scheme());
      Files.createDirectories(index.getParent());
      Files.write(index, names, StandardCharsets.UTF_8);
    }
  }
}
