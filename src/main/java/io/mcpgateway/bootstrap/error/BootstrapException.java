package io.mcpgateway.bootstrap.error;

/**
 * The one failure type of the agent: a {@link Reason} that maps to an exit code and to the
 * {@code db.failed} event, and a one-line message that names the cause and the fix. Messages
 * never carry a password or a URL with credentials.
 */
public final class BootstrapException extends RuntimeException {

  /** Why the bootstrap stopped; each reason has its own process exit code. */
  public enum Reason {
    BAD_CONFIG(2), BAD_URL(2), UNREACHABLE(3), AUTH(4), LOCK_TIMEOUT(5),
    UNKNOWN_SCHEMA(6), MIGRATION_FAILED(7), STEP_FAILED(8), LOCK_RELEASE_FAILED(9), LOCK_FAILED(10),
    /** MCPGATEWAY_SKIP_MIGRATIONS is on and the schema is not current. */
    SCHEMA_NOT_CURRENT(11),
    /** TLS failed: the server's certificate is not trusted or is for another host, or the server requires TLS. */
    TLS_FAILED(12),
    /** A signal (SIGTERM, SIGINT) asked the run to stop; 128 + 15, as a shell reports a SIGTERM. */
    STOPPED(143),
    /** A defect of the agent itself: 1 is left to the JVM and to --check/--plan's "work is pending". */
    INTERNAL(70);

    private final int exitCode;

    Reason(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Reason reason;
  private final String step;

  public BootstrapException(Reason reason, String message) {
    this(reason, message, null);
  }

  public BootstrapException(Reason reason, String message, Throwable cause) {
    this(reason, message, cause, null);
  }

  private BootstrapException(Reason reason, String message, Throwable cause, String step) {
    super(oneLine(message), cause);
    this.reason = reason;
    this.step = step;
  }

  /** Wraps any failure of a pipeline step; a {@code BootstrapException} keeps its reason and message. */
  public static BootstrapException atStep(String step, Throwable failure) {
    if (failure instanceof BootstrapException known) {
      return known.step != null ? known : new BootstrapException(known.reason, known.getMessage(), known.getCause(), step);
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new BootstrapException(Reason.STEP_FAILED, "step '" + step + "' failed: " + message.replace('\n', ' '),
        failure, step);
  }

  /**
   * Messages quote what an operator wrote (a scheme, a file name, an option) and what the JDK said,
   * either of which may hold a line break or a terminal escape: a log line must stay one line.
   */
  private static String oneLine(String message) {
    return message == null ? null : message.replaceAll("\\R", " ").replaceAll("\\p{Cc}", "?");
  }

  public Reason reason() {
    return reason;
  }

  /** The pipeline step that failed, or {@code null} when the failure came before the pipeline. */
  public String step() {
    return step;
  }
}
