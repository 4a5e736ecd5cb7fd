package io.mcpgateway.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a settings, secret or roles file as text, refusing what cannot be one: a FIFO or a device
 * would block the start or never end, and a huge file would fill the heap.
 */
final class SmallFiles {

  static final long MAX_BYTES = 1 << 20;

  private SmallFiles() {
  }

  static String read(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new Unsuitable("is not a regular file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new Unsuitable("is larger than 1 MiB");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Why a file was refused, in words that never hold its content. */
  static final class Unsuitable extends IOException {
    Unsuitable(String why) {
      super(why);
    }
  }
}
