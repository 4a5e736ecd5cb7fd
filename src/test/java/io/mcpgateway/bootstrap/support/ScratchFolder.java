package io.mcpgateway.bootstrap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary folder for property tests that write a file or two per try, thousands of times: in
 * memory where the system offers it ({@code /dev/shm}), since a disk pays for every rewrite.
 */
public final class ScratchFolder {

  private static final Path MEMORY = Path.of("/dev/shm");

  private ScratchFolder() {
  }

  public static Path create(String prefix) throws IOException {
    return Files.isDirectory(MEMORY) && Files.isWritable(MEMORY) ? Files.createTempDirectory(MEMORY, prefix)
        : Files.createTempDirectory(prefix);
  }
}
