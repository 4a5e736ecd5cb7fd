package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.SmallFiles;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PLATFORM_ADMIN_PASSWORD_FILE and DATABASE_URL_FILE: the Docker and Kubernetes secrets convention. */
class SecretFilesTest {

  @TempDir
  Path folder;

  @Test
  void aSecretFilesContentWithoutItsTrailingNewlineIsTheValue() throws Exception {
    Path password = Files.writeString(folder.resolve("password"), "p@ss word\n");
    Path url = Files.writeString(folder.resolve("url"), "postgresql://gw:s3cret@db:5432/gw\r\n");

    JsonObject settings = load(Map.of("PLATFORM_ADMIN_PASSWORD_FILE", password.toString(), "DATABASE_URL_FILE", url.toString()));

    assertEquals("p@ss word", settings.getString("PLATFORM_ADMIN_PASSWORD"));
    assertEquals("postgresql://gw:s3cret@db:5432/gw", settings.getString("DATABASE_URL"));
    assertFalse(settings.containsKey("DATABASE_URL_FILE"));
    assertEquals("p@ss word", BootstrapConfig.from(settings).adminPassword(), "only one trailing line break goes");
  }

  @Test
  void onlyOneTrailingLineBreakIsRemoved() throws Exception {
    Path password = Files.writeString(folder.resolve("password"), " spaced \n\n");

    assertEquals(" spaced \n", load(Map.of("PLATFORM_ADMIN_PASSWORD_FILE", password.toString())).getString("PLATFORM_ADMIN_PASSWORD"));
  }

  @Test
  void aVariableAndItsFileTogetherAreAnError() throws Exception {
    Path password = Files.writeString(folder.resolve("password"), "from-file");

    BootstrapException error = assertThrows(BootstrapException.class, () -> load(Map.of(
        "PLATFORM_ADMIN_PASSWORD", "from-env", "PLATFORM_ADMIN_PASSWORD_FILE", password.toString())));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertTrue(error.getMessage().contains("both PLATFORM_ADMIN_PASSWORD and PLATFORM_ADMIN_PASSWORD_FILE"), error.getMessage());
    assertFalse(error.getMessage().contains("from-env"), error.getMessage());
  }

  @Test
  void anUnreadableFileIsNamedButItsContentNeverShown() throws Exception {
    Path secret = Files.writeString(folder.resolve("url"), "postgresql://gw:topsecret@db/gw");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Path missing = folder.resolve("missing");

    for (Path file : new Path[] {missing, folder}) {
      BootstrapException error = assertThrows(BootstrapException.class, () -> load(Map.of("DATABASE_URL_FILE", file.toString())));
      assertEquals(Reason.BAD_CONFIG, error.reason());
      assertTrue(error.getMessage().startsWith("DATABASE_URL_FILE names a file that cannot be read (" + file), error.getMessage());
    }
    if (!"root".equals(System.getProperty("user.name"))) { // root reads any file
      BootstrapException error = assertThrows(BootstrapException.class, () -> load(Map.of("DATABASE_URL_FILE", secret.toString())));
      assertFalse(error.getMessage().contains("topsecret"), error.getMessage());
    }
  }

  @Test
  void theSettingsFileMayNameTheSecretFileToo() throws Exception {
    Path password = Files.writeString(folder.resolve("password"), "from-a-file\n");
    Path config = Files.writeString(folder.resolve("bootstrap.json"),
        new JsonObject().put("PLATFORM_ADMIN_PASSWORD_FILE", password.toString()).encode());

    JsonObject settings = SettingsLoader.load(config, true, Map.of());

    assertEquals("from-a-file", settings.getString("PLATFORM_ADMIN_PASSWORD"));
  }

  private JsonObject load(Map<String, String> environment) {
    return SettingsLoader.load(folder.resolve("none.json"), false, environment);
  }

  @Test
  void aFifoADeviceOrAFolderIsRefusedAtOnceInsteadOfBlockingTheStart() throws Exception {
    Path fifo = folder.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path huge = folder.resolve("huge");
    Files.write(huge, new byte[(int) SmallFiles.MAX_BYTES + 1]);

    for (Path file : new Path[] {fifo, Path.of("/dev/zero"), folder, huge}) {
      BootstrapException error = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BootstrapException.class,
          () -> load(Map.of("PLATFORM_ADMIN_PASSWORD_FILE", file.toString()))), file.toString());
      assertEquals(Reason.BAD_CONFIG, error.reason());
      assertTrue(error.getMessage().startsWith("PLATFORM_ADMIN_PASSWORD_FILE names a file that cannot be"), error.getMessage());
    }
    BootstrapException config = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BootstrapException.class,
        () -> SettingsLoader.load(fifo, true, Map.of())));
    assertTrue(config.getMessage().contains("is not a regular file"), config.getMessage());
    BootstrapException roles = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BootstrapException.class,
        () -> RolesFile.read(fifo)));
    assertTrue(roles.getMessage().contains("is not a regular file"), roles.getMessage());
  }
}
