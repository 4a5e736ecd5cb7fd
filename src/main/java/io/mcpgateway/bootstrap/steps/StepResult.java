package io.mcpgateway.bootstrap.steps;

/**
 * What one pipeline step did: the ready event, the metrics and the log line are built from these.
 *
 * @param step the step's name
 * @param rowsChanged rows inserted or updated (0 for the lock and schema steps)
 * @param millis wall time of the step
 * @param succeeded false for the step that failed the run
 */
public record StepResult(String step, long rowsChanged, long millis, boolean succeeded) {

  public static StepResult succeeded(String step, long rowsChanged, long millis) {
    return new StepResult(step, rowsChanged, millis, true);
  }

  public static StepResult failed(String step, long millis) {
    return new StepResult(step, 0, millis, false);
  }

  public String outcome() {
    return succeeded ? "success" : "failure";
  }
}
