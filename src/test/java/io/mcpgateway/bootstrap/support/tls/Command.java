package io.mcpgateway.bootstrap.support.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a set-up command of a test server to its end; a failure throws with the command's output. */
final class Command {

  /** The user the servers run as when the tests run as root (initdb and mariadbd refuse root). */
  static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private Command() {
  }

  /** Runs {@code command}, as {@code user} when the tests run as root; returns its output. */
  static String run(String user, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (ROOT && user != null) {
      line.addAll(List.of("runuser", "-u", user, "--"));
    }
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** Hands a folder and all in it to {@code user} when the tests run as root. */
  static void giveTo(String user, Path folder) throws IOException, InterruptedException {
    if (ROOT) {
      run(null, "chown", "-R", user + ":", folder.toString());
    }
  }

  static Path firstExisting(String... candidates) {
    for (String candidate : candidates) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return path;
      }
    }
    return null;
  }
}
