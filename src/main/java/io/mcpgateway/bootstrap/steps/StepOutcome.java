package io.mcpgateway.bootstrap.steps;

import java.util.Map;

/**
 * What a step's {@code apply} did.
 *
 * @param rowsChanged rows inserted or updated
 * @param rowsSkipped rows the step left alone on purpose, by table; they appear in {@code db.ready}
 *     and in the {@code db_bootstrap_rows_skipped_total} counter
 */
public record StepOutcome(long rowsChanged, Map<String, Long> rowsSkipped) {

  public StepOutcome {
    rowsSkipped = Map.copyOf(rowsSkipped);
  }

  public static StepOutcome changed(long rowsChanged) {
    return new StepOutcome(rowsChanged, Map.of());
  }
}
