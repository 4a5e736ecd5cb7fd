package io.mcpgateway.bootstrap.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How this agent's connections name themselves, so that whoever waits for the migration lock can
 * tell who holds it: {@code db-bootstrap-agent@<host>:<pid>} (PostgreSQL's application_name, MySQL's
 * program_name, the SQLite lock file). The host comes from HOSTNAME or the kernel, never from a DNS
 * lookup, which could block.
 */
public final class AgentIdentity {

  /** PostgreSQL keeps at most 63 bytes of an application_name. */
  private static final int MAX_LENGTH = 63;
  private static final String NAME = compute();

  private AgentIdentity() {
  }

  public static String name() {
    return NAME;
  }

  private static String compute() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException | RuntimeException notLinux) {
        host = "unknown-host";
      }
    }
    String name = "db-bootstrap-agent@" + host.replaceAll("[^A-Za-z0-9._-]", "_") + ":" + ProcessHandle.current().pid();
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }
}
