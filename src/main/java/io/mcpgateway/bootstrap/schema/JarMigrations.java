package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The migrations read from jars, kept per class loader and locations: a jar's entries do not change
 * while its loader lives, so a gateway that deploys the agent again does not list and checksum them
 * again. A location on the filesystem, or a class-path folder, is read every time: it may be edited.
 * The loader is held weakly, so a gateway that drops its loader drops its entries too.
 */
final class JarMigrations {

  private static final Map<ClassLoader, Map<List<String>, Optional<List<Migration>>>> READ =
      Collections.synchronizedMap(new WeakHashMap<>());

  private JarMigrations() {
  }

  /** What was read before for these locations, or null when nothing was. */
  static Optional<List<Migration>> known(ClassLoader loader, List<String> locations) {
    Map<List<String>, Optional<List<Migration>>> byLocations = READ.get(loader);
    return byLocations == null ? null : byLocations.get(locations);
  }

  /** Reads the locations (blocking: on a worker), and keeps the answer when jars alone hold them. */
  static Optional<List<Migration>> read(ClassLoader loader, List<String> locations) throws IOException {
    Optional<List<Migration>> read = MigrationFiles.read(locations, loader);
    if (MigrationFiles.inJarsOnly(locations, loader)) {
      keep(loader, locations, read);
    }
    return read;
  }

  private static void keep(ClassLoader loader, List<String> locations, Optional<List<Migration>> migrations) {
    READ.computeIfAbsent(loader, any -> new ConcurrentHashMap<>()).put(List.copyOf(locations), migrations);
  }
}
