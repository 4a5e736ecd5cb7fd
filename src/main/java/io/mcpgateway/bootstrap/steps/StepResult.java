package io.mcpgateway.bootstrap.steps;

/**
 * What one pipeline step did: the ready event, the metrics and the log line are built from these.
 *
 * @param step the step's name
 * @param rowsChanged rows inserted or updated (0 for the lock and schema steps)
 * @param millis wall time of the step
 */
public record StepResult(String step, long rowsChanged, long millis) {
}
