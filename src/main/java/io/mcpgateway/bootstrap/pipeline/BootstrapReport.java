package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.schema.SchemaOutcome;
import java.util.List;

/**
 * What a run did, built once from the steps' own results: the log line, the {@code db.ready} and
 * {@code db.failed} events and the metrics all read it. After a failure, {@code schema} is null
 * when the schema step was not reached, and the last step is the one that failed.
 *
 * @param lockTaken whether the run took the migration lock (a ready database needs none)
 */
public record BootstrapReport(Vendor vendor, SchemaOutcome schema, List<StepResult> steps, long totalMillis, boolean lockTaken) {

  public BootstrapReport {
    steps = List.copyOf(steps);
  }

  public long rowsChanged() {
    return steps.stream().mapToLong(StepResult::rowsChanged).sum();
  }
}
