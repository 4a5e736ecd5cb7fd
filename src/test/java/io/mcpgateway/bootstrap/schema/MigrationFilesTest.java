package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.schema.MigrationFiles.Migration;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {

  @TempDir
  Path folder;

  @Test
  void versionsSortPartByPartAsNumbersLikeFlyway() {
    List<String> versions = new ArrayList<>(List.of("1.10", "2", "1.9", "1.9.1", "10", "1.0.2", "1", "99999999999999999999"));

    versions.sort(MigrationFiles::compareVersions);

    assertEquals(List.of("1", "1.0.2", "1.9", "1.9.1", "1.10", "2", "10", "99999999999999999999"), versions);
  }

  @Test
  void aMissingPartCountsAsZero() {
    assertEquals(0, MigrationFiles.compareVersions("1", "1.0"));
    assertEquals(0, MigrationFiles.compareVersions("2.0.0", "2"));
  }

  @Test
  void readsEveryLocationInVersionOrderWithVersionDescriptionAndChecksum() throws Exception {
    Path ours = write("ours/V2__second_step.sql", "select 2;");
    write("ours/V1__first.sql", "\uFEFFselect 1;\r\nselect 11;");
    write("theirs/V1_5__in_between.sql", "select 15;");

    List<Migration> found = read("filesystem:" + ours.getParent(), "filesystem:" + folder.resolve("theirs")).orElseThrow();

    assertEquals(List.of("1", "1.5", "2"), found.stream().map(Migration::version).toList());
    assertEquals(List.of("first", "in between", "second step"), found.stream().map(Migration::description).toList());
    assertEquals(MigrationFiles.checksum(new ByteArrayInputStream("select 1;\nselect 11;".getBytes(StandardCharsets.UTF_8))),
        found.get(0).checksum(), "the BOM and line breaks do not count, as in Flyway");
  }

  @Test
  void anythingTheFastPathDoesNotModelLeavesTheDecisionToFlyway() throws Exception {
    write("repeatable/V1__a.sql", "select 1;");
    write("repeatable/R__view.sql", "select 1;");
    write("nested/V1__a.sql", "select 1;");
    write("nested/more/V2__b.sql", "select 1;");
    write("twice/a/V1__a.sql", "select 1;");
    write("twice/b/V1__other.sql", "select 1;");

    assertEquals(Optional.empty(), read("filesystem:" + folder.resolve("repeatable")));
    assertEquals(Optional.empty(), read("filesystem:" + folder.resolve("nested")));
    assertEquals(Optional.empty(), read("filesystem:" + folder.resolve("twice/a"), "filesystem:" + folder.resolve("twice/b")));
    assertEquals(Optional.empty(), read("filesystem:" + folder.resolve("absent")));
    assertEquals(Optional.empty(), read("classpath:no/such/folder"));
  }

  /** As for Flyway, every class-path root holding the folder counts: a gateway's jar may add files to it. */
  @Test
  void aClassPathFolderIsReadFromEveryRootThatHoldsItJarsIncluded() throws Exception {
    write("root/db/sql/V1__from_a_folder.sql", "select 1;");
    Path jar = jar("gateway.jar", "db/", null, "db/sql/", null, "db/sql/V2__from_a_jar.sql", "select 2;");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.resolve("root").toUri().toURL(), jar.toUri().toURL()}, null)) {
      List<Migration> found = MigrationFiles.read(List.of("classpath:db/sql"), loader).orElseThrow();

      assertEquals(List.of("from a folder", "from a jar"), found.stream().map(Migration::description).toList());
    }
  }

  @Test
  void aJarsIndexIsUsedInsteadOfListingTheJar() throws Exception {
    Path jar = jar("indexed.jar", "db/sql/", null, "db/sql/V1__listed.sql", "select 1;",
        "db/sql/R__not_in_the_index.sql", "select 1;", MigrationIndex.resourceOf("db/sql"), "V1__listed.sql\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(List.of("listed"), MigrationFiles.read(List.of("classpath:db/sql"), loader).orElseThrow()
          .stream().map(Migration::description).toList());
    }
  }

  /** Only what jars hold is kept between runs (JarMigrations): a folder may be edited while the JVM runs. */
  @Test
  void onlyLocationsFoundInJarsAloneAreKeptBetweenRuns() throws Exception {
    write("root/db/sql/V1__in_a_folder.sql", "select 1;");
    Path jar = jar("gateway.jar", "db/sql/V2__in_a_jar.sql", "select 2;");
    try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
         URLClassLoader withFolder = new URLClassLoader(new URL[] {folder.resolve("root").toUri().toURL(), jar.toUri().toURL()}, null)) {
      assertTrue(MigrationFiles.inJarsOnly(List.of("classpath:db/sql"), jarOnly));
      assertFalse(MigrationFiles.inJarsOnly(List.of("classpath:db/sql"), withFolder));
      assertFalse(MigrationFiles.inJarsOnly(List.of("classpath:db/sql", "filesystem:" + folder), jarOnly));

      Optional<List<Migration>> read = JarMigrations.read(jarOnly, List.of("classpath:db/sql"));
      JarMigrations.read(withFolder, List.of("classpath:db/sql"));

      assertSame(read, JarMigrations.known(jarOnly, List.of("classpath:db/sql")));
      assertNull(JarMigrations.known(withFolder, List.of("classpath:db/sql")), "a folder's reading is not kept");
      assertNull(JarMigrations.known(jarOnly, List.of("classpath:db/other")), "and per locations");
    }
  }

  private Optional<List<Migration>> read(String... locations) {
    return MigrationFiles.read(List.of(locations), getClass().getClassLoader());
  }

  /** A jar of entries given as name, content pairs (a null content for a folder's entry). */
  private Path jar(String name, String... entries) throws Exception {
    Path jar = folder.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (int i = 0; i < entries.length; i += 2) {
        out.putNextEntry(new JarEntry(entries[i]));
        if (entries[i + 1] != null) {
          out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return jar;
  }

  private Path write(String name, String content) throws Exception {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    assertTrue(Files.exists(file));
    return file;
  }
}
