package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import io.mcpgateway.bootstrap.schema.SchemaOutcome;
import io.mcpgateway.bootstrap.steps.StepResult;
import java.util.List;

/**
 * The outcome of a successful run, built once from the steps' own results: the log line, the
 * {@code db.ready} event and the metrics all read it.
 */
public record BootstrapReport(DatabaseKind kind, SchemaOutcome schema, List<StepResult> steps, long totalMillis) {

  public long rowsChanged() {
    return steps.stream().mapToLong(StepResult::rowsChanged).sum();
  }
}
