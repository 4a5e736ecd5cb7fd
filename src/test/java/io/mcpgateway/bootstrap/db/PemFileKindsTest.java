package io.mcpgateway.bootstrap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.TlsFiles.PemFile;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS file named in DATABASE_URL that is a FIFO, a device or huge is refused at once, as the settings files are. */
class PemFileKindsTest {

  @TempDir
  Path folder;

  @Test
  void aFifoADeviceOrAHugeFileIsRefusedInsteadOfBlockingTheStart() throws Exception {
    Path fifo = folder.resolve("ca.pem");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path huge = folder.resolve("huge.pem");
    Files.write(huge, new byte[(int) SmallFiles.MAX_BYTES + 1]);

    for (Path file : new Path[] {fifo, Path.of("/dev/zero"), huge}) {
      BootstrapException error = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BootstrapException.class,
          () -> PemMaterial.trustManager(new PemFile("sslrootcert", file))), file.toString());
      assertEquals(Reason.BAD_CONFIG, error.reason());
      assertTrue(error.getMessage().contains(file.equals(huge) ? "is larger than 1 MiB" : "is not a regular file"), error.getMessage());
    }
  }
}
