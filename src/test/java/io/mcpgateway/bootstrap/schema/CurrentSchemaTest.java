package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CurrentSchemaTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void newestVersionMatchesTheBundledMigrations(DatabaseKind kind) throws Exception {
    URL folder = getClass().getClassLoader().getResource("db/migration/" + kind.scheme());
    List<Integer> versions = Arrays.stream(Objects.requireNonNull(new File(folder.toURI()).list()))
        .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
        .sorted().toList();
    assertEquals(CurrentSchema.NEWEST_VERSION, String.valueOf(versions.get(versions.size() - 1)));
    assertEquals(versions.size(), versions.get(versions.size() - 1), "versions run 1..N without gaps");
  }
}
