package io.mcpgateway.bootstrap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.Vendors;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSourceTest {

  @Test
  void theVendorPlaceholderNamesEachDatabasesFolder() {
    MigrationSource source = new MigrationSource(List.of(MigrationSource.BUNDLED_LOCATION, "filesystem:/srv/sql/{vendor}"),
        AdoptionSignature.BUNDLED);

    assertEquals(List.of("classpath:db/migration/mysql", "filesystem:/srv/sql/mysql"), source.locationsFor(Vendors.named("mysql")));
  }

  @Test
  void aLocationWithoutAKnownPrefixIsABadConfiguration() {
    BootstrapException error = assertThrows(BootstrapException.class,
        () -> new MigrationSource(List.of("/srv/sql"), AdoptionSignature.BUNDLED));
    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertTrue(error.getMessage().contains("'/srv/sql'") && error.getMessage().contains("MIGRATION_LOCATIONS"), error.getMessage());
  }

  @Test
  void aSignatureNeedsAVersionAndTableDotColumnNames() {
    assertEquals("widgets.colour", AdoptionSignature.of("3", "widgets.colour").levels().get(0).tellTaleColumns().get(0).toString());
    assertThrows(IllegalArgumentException.class, () -> AdoptionSignature.of("3", "colour"));
    assertThrows(IllegalArgumentException.class, () -> AdoptionSignature.of(" ", "widgets.colour"));
  }

  @Test
  void theBundledSignatureTellsVersionThreeBeforeVersionTwo() {
    assertEquals(List.of("3", "2"), AdoptionSignature.BUNDLED.levels().stream().map(AdoptionSignature.Level::version).toList());
    assertEquals("version 2 (a.b)", AdoptionSignature.of("2", "a.b").describe());
  }
}
