package io.mcpgateway.bootstrap.pipeline;

import java.util.Map;

/**
 * What one pipeline step did, as it happened: the ready event, the metrics and the log line are
 * built from these. Only steps that ran appear; the step that failed a run appears as failed.
 *
 * @param step the step's name
 * @param rowsChanged rows inserted or updated (0 for connect, lock and schema)
 * @param rowsSkipped rows the step left alone on purpose, by table
 * @param millis wall time of the step
 * @param succeeded false for the step that failed the run
 */
public record StepResult(String step, long rowsChanged, Map<String, Long> rowsSkipped, long millis, boolean succeeded) {

  public StepResult {
    rowsSkipped = Map.copyOf(rowsSkipped);
  }

  public static StepResult succeeded(String step, long rowsChanged, Map<String, Long> rowsSkipped, long millis) {
    return new StepResult(step, rowsChanged, rowsSkipped, millis, true);
  }

  public static StepResult failed(String step, long millis) {
    return new StepResult(step, 0, Map.of(), millis, false);
  }

  public String outcome() {
    return succeeded ? "success" : "failure";
  }
}
