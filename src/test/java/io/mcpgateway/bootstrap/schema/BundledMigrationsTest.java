package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledMigrationsTest {

  @Test
  void versionsSortPartByPartAsNumbersLikeFlyway() {
    List<String> versions = new ArrayList<>(List.of("1.10", "2", "1.9", "1.9.1", "10", "1.0.2", "1", "99999999999999999999"));

    versions.sort(BundledMigrations::compareVersions);

    assertEquals(List.of("1", "1.0.2", "1.9", "1.9.1", "1.10", "2", "10", "99999999999999999999"), versions);
  }

  @Test
  void aMissingPartCountsAsZero() {
    assertEquals(0, BundledMigrations.compareVersions("1", "1.0"));
    assertEquals(0, BundledMigrations.compareVersions("2.0.0", "2"));
  }
}
