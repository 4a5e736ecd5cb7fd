package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationIndexTest {

  /** The build's index must name exactly the files the folder holds, or the fast path would judge a stale list. */
  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void theBuiltIndexListsEveryFileOfTheBundledFolder(String vendor) throws Exception {
    String folderName = "db/migration/" + vendor;
    Path folder = Path.of(getClass().getClassLoader().getResource(folderName).toURI());

    List<String> indexed;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(MigrationIndex.resourceOf(folderName))) {
      assertNotNull(in, "no index: was process-classes run?");
      indexed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    assertEquals(MigrationIndex.list(folder), indexed);
    assertTrue(indexed.size() >= 2, indexed.toString());
  }

  @Test
  void theWriterIndexesSubfoldersAndOtherFilesToo(@TempDir Path classes) throws Exception {
    Path postgres = Files.createDirectories(classes.resolve("db/migration/postgresql/extra"));
    Files.createDirectories(classes.resolve("db/migration/sqlite"));
    Files.writeString(postgres.resolve("../V1__a.sql"), "select 1;");
    Files.writeString(postgres.resolve("R__view.sql"), "select 1;");

    MigrationIndex.main(new String[] {classes.toString()});

    assertEquals(List.of("V1__a.sql", "extra/R__view.sql"),
        Files.readAllLines(classes.resolve(MigrationIndex.resourceOf("db/migration/postgresql"))));
    assertEquals(List.of(), Files.readAllLines(classes.resolve(MigrationIndex.resourceOf("db/migration/sqlite"))));
  }

  @Test
  void aGatewayBuildIndexesTheFoldersItNames(@TempDir Path classes) throws Exception {
    Files.writeString(Files.createDirectories(classes.resolve("gateway/sql")).resolve("V2_1__widgets.sql"), "select 1;");

    MigrationIndex.main(new String[] {classes.toString(), "gateway/sql"});

    assertEquals(List.of("V2_1__widgets.sql"), Files.readAllLines(classes.resolve(MigrationIndex.resourceOf("gateway/sql"))));
  }
}
