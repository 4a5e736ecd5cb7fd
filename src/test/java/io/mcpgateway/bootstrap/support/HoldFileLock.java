package io.mcpgateway.bootstrap.support;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Child-process main: a holder that is not an agent. Locks the file given, writes who it is into
 * it (as any tool may), prints "locked" and those words, and holds the lock until stdin closes.
 */
public final class HoldFileLock {

  static final String LOCKED = "locked";

  private HoldFileLock() {
  }

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock();
      String who = "test holder pid " + ProcessHandle.current().pid();
      channel.truncate(0).write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
      System.out.println(LOCKED + " " + who);
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
