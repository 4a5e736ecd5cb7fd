package io.mcpgateway.bootstrap.support;

import java.io.File;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds command-line tools (promtool, prometheus) on the PATH, or skips the test with a message. */
public final class Tools {

  private Tools() {
  }

  public static String require(String tool, String installHint) {
    Optional<String> found = find(tool);
    if (found.isEmpty()) {
      System.err.println("[db-bootstrap-agent tests] skipping: " + tool + " not on PATH (" + installHint + ")");
    }
    Assumptions.assumeTrue(found.isPresent(), tool + " not on PATH (" + installHint + ")");
    return found.get();
  }

  private static Optional<String> find(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, tool);
      if (candidate.canExecute()) {
        return Optional.of(candidate.getAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
