package io.mcpgateway.bootstrap.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file an operator names (settings, a secret, roles, a TLS certificate or key), refusing
 * what cannot be one: a FIFO or a device would block the start or never end, and a huge file would
 * fill the heap.
 */
public final class SmallFiles {

  public static final long MAX_BYTES = 1 << 20;

  private SmallFiles() {
  }

  /** The file as UTF-8 text. */
  public static String read(Path file) throws IOException {
    check(file);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The file's bytes. */
  public static byte[] readBytes(Path file) throws IOException {
    check(file);
    return Files.readAllBytes(file);
  }

  private static void check(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new Unsuitable("is not a regular file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new Unsuitable("is larger than 1 MiB");
    }
  }

  /** Why a file was refused, in words that never hold its content. */
  public static final class Unsuitable extends IOException {
    Unsuitable(String why) {
      super(why);
    }
  }
}
