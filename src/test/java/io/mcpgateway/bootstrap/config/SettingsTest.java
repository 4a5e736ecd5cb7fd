package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void defaultsAreTheReferenceGatewayDefaults() {
    BootstrapConfig config = BootstrapConfig.from(new JsonObject());
    assertEquals("sqlite", config.databaseUrl().vendor().name());
    assertEquals("admin@example.com", config.adminEmail());
    assertEquals("changeme", config.adminPassword());
    assertEquals("Platform Administrator", config.adminFullName());
    assertTrue(config.emailAuthEnabled());
    assertTrue(config.autoCreatePersonalTeams());
    assertTrue(config.adminMustChangePassword());
    assertEquals(Duration.ofSeconds(300), config.lockTimeout());
    assertEquals(12, config.bcryptCost());
    assertEquals(java.util.List.of(), config.migrationLocations(), "not set: the embedding code's choice stands");
  }

  @Test
  void migrationLocationsComeFromTheEnvironmentAsACommaSeparatedList(@TempDir Path folder) {
    JsonObject settings = SettingsLoader.load(folder.resolve("absent.json"), false,
        Map.of("MIGRATION_LOCATIONS", "classpath:db/migration/{vendor}, filesystem:/srv/gateway/sql/{vendor} ,"));

    assertEquals(java.util.List.of("classpath:db/migration/{vendor}", "filesystem:/srv/gateway/sql/{vendor}"),
        BootstrapConfig.from(settings).migrationLocations());
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("bootstrap.json");
    Files.writeString(file, "{\"PLATFORM_ADMIN_EMAIL\": \"file@example.com\", \"MIGRATION_LOCK_TIMEOUT\": \"30\"}");

    JsonObject settings = SettingsLoader.load(file, true, Map.of("PLATFORM_ADMIN_EMAIL", "env@example.com"));
    BootstrapConfig config = BootstrapConfig.from(settings);

    assertEquals("env@example.com", config.adminEmail());
    assertEquals(Duration.ofSeconds(30), config.lockTimeout());
  }

  @Test
  void aMissingDefaultFileIsFineButANamedOneMustExist(@TempDir Path folder) {
    assertEquals(new JsonObject(), SettingsLoader.load(folder.resolve("absent.json"), false, Map.of()));
    BootstrapException error = assertThrows(BootstrapException.class,
        () -> SettingsLoader.load(folder.resolve("absent.json"), true, Map.of()));
    assertEquals(Reason.BAD_CONFIG, error.reason());
  }

  @Test
  void badValuesFailWithTheirName() {
    assertEquals("EMAIL_AUTH_ENABLED must be true or false (got 'maybe')", assertThrows(BootstrapException.class,
        () -> BootstrapConfig.from(new JsonObject().put("EMAIL_AUTH_ENABLED", "maybe"))).getMessage());
    assertTrue(assertThrows(BootstrapException.class,
        () -> BootstrapConfig.from(new JsonObject().put("MIGRATION_LOCK_TIMEOUT", "-1"))).getMessage()
        .startsWith("MIGRATION_LOCK_TIMEOUT"));
  }

  @Test
  void theAdminPasswordIsTakenAsGiven() {
    assertEquals("  spaced pass ", BootstrapConfig.from(new JsonObject().put("PLATFORM_ADMIN_PASSWORD", "  spaced pass "))
        .adminPassword());
  }

  @Test
  void serveSwitchParsesLikeEveryOtherFlag() {
    assertTrue(io.mcpgateway.bootstrap.serve.ServeConfig.from(new JsonObject().put("SERVE", "on"), false).serve());
    assertEquals(9464, io.mcpgateway.bootstrap.serve.ServeConfig.from(new JsonObject(), false).httpPort());
    assertThrows(BootstrapException.class,
        () -> io.mcpgateway.bootstrap.serve.ServeConfig.from(new JsonObject().put("SERVE", "maybe"), false));
  }

  @Test
  void toStringHidesTheAdminPassword() {
    BootstrapConfig config = BootstrapConfig.from(new JsonObject().put("PLATFORM_ADMIN_PASSWORD", "hunter2-secret")
        .put("DATABASE_URL", "postgresql://u:dbsecret@db/gw"));
    assertFalse(config.toString().contains("hunter2-secret"));
    assertFalse(config.toString().contains("dbsecret"));
  }
}
