package io.mcpgateway.bootstrap.launch;

import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGTERM (a rollout, a scale-down) and SIGINT handled by the agent itself instead of the JVM's
 * shutdown: the run stops the way {@code StopSignal} describes, and the process exits with 128 +
 * the signal's number, as a shell reports a process the signal ended.
 */
public final class Signals {

  private static final List<String> STOP = List.of("TERM", "INT");

  private Signals() {
  }

  /** Calls {@code handler} with "TERM" or "INT" (on the JVM's signal thread) when one arrives. */
  public static void onStop(Consumer<String> handler) {
    for (String name : STOP) {
      try {
        Signal.handle(new Signal(name), signal -> handler.accept(signal.getName()));
      } catch (IllegalArgumentException unsupported) {
        // a platform without that signal: the JVM's default stays
      }
    }
  }

  /** The exit code for a run a signal stopped: 143 for SIGTERM, 130 for SIGINT. */
  public static int exitCode(String signal) {
    return "INT".equals(signal) ? 130 : 143;
  }
}
