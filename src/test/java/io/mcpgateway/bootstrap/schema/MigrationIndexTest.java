package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationIndexTest {

  /** The build's index must name exactly the files the folder holds, or the fast path would judge a stale list. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theBuiltIndexListsEveryFileOfTheFolder(DatabaseKind kind) throws Exception {
    Path folder = Path.of(getClass().getClassLoader().getResource("db/migration/" + kind.scheme()).toURI());

    List<String> indexed = MigrationIndex.read(kind).orElseThrow(() -> new AssertionError("no index: was process-classes run?"));

    assertEquals(MigrationIndex.list(folder), indexed);
    assertTrue(indexed.size() >= 2, indexed.toString());
  }

  @Test
  void theWriterIndexesSubfoldersAndOtherFilesToo(@TempDir Path classes) throws Exception {
    Path postgres = Files.createDirectories(classes.resolve("db/migration/postgresql/extra"));
    Files.writeString(postgres.resolve("../V1__a.sql"), "select 1;");
    Files.writeString(postgres.resolve("R__view.sql"), "select 1;");

    MigrationIndex.main(new String[] {classes.toString()});

    assertEquals(List.of("V1__a.sql", "extra/R__view.sql"),
        Files.readAllLines(classes.resolve(MigrationIndex.FOLDER + "postgresql")));
    assertEquals(List.of(), Files.readAllLines(classes.resolve(MigrationIndex.FOLDER + "sqlite")));
  }
}
