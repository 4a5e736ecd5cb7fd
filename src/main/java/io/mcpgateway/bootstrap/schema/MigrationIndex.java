package io.mcpgateway.bootstrap.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build-time list of the file names in a class-path migration folder, written into the build's
 * classes (at {@code process-classes}, by {@link #main}) so that the fast path need not list a jar:
 * listing one means reading every entry of it, which in the launcher's single jar is ~9,000 entries.
 * The index is only a list of names; checksums are still computed from the files at start-up. A
 * gateway's build can index its own folders the same way (see the example project).
 */
public final class MigrationIndex {

  static final String FOLDER = "META-INF/db-bootstrap-agent/migration-index/";
  private static final String BUNDLED_ROOT = "db/migration";

  private MigrationIndex() {
  }

  /** The class-path resource that indexes {@code folder} (a class-path path such as {@code db/migration/sqlite}). */
  static String resourceOf(String folder) {
    return FOLDER + folder + ".list";
  }

  /** Every regular file below {@code folder}, as relative names with '/' separators, sorted. */
  static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"))
          .sorted().toList();
    }
  }

  /**
   * Build step: {@code MigrationIndex CLASSES_DIR [FOLDER...]} writes the index of each class-path
   * folder given (default: every folder below {@code db/migration}, the bundled ones).
   */
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    List<String> folders = new ArrayList<>(List.of(args).subList(1, args.length));
    if (folders.isEmpty()) {
      try (Stream<Path> bundled = Files.list(classes.resolve(BUNDLED_ROOT))) {
        bundled.filter(Files::isDirectory).map(dir -> BUNDLED_ROOT + "/" + dir.getFileName()).sorted().forEach(folders::add);
      }
    }
    for (String folder : folders) {
      Path source = classes.resolve(folder);
      List<String> names = Files.isDirectory(source) ? list(source) : List.of();
      Path index = classes.resolve(resourceOf(folder));
      Files.createDirectories(index.getParent());
      Files.write(index, names, StandardCharsets.UTF_8);
    }
  }
}
