package io.mcpgateway.bootstrap.readiness;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapReport;
import io.mcpgateway.bootstrap.steps.StepResult;
import io.vertx.core.json.JsonObject;

/**
 * The event-bus contract between the agent and co-located gateway verticles: the addresses and
 * the JSON bodies of {@code db.ready} and {@code db.failed}.
 */
public final class ReadinessEvents {

  public static final String READY = "db.ready";
  public static final String FAILED = "db.failed";

  private ReadinessEvents() {
  }

  public static JsonObject ready(BootstrapReport report) {
    JsonObject millis = new JsonObject();
    JsonObject rows = new JsonObject();
    for (StepResult step : report.steps()) {
      millis.put(step.step(), step.millis());
      rows.put(step.step(), step.rowsChanged());
    }
    return new JsonObject()
        .put("status", "ready")
        .put("kind", report.kind().scheme())
        .put("schemaVersion", report.schema().version())
        .put("schemaBefore", report.schema().before().name())
        .put("migrationsApplied", report.schema().migrationsApplied())
        .put("totalMillis", report.totalMillis())
        .put("stepMillis", millis)
        .put("rowsChanged", rows);
  }

  /** The failure body: reason, step and a message that never holds a secret. */
  public static JsonObject failed(String kind, BootstrapException failure, long totalMillis) {
    return new JsonObject()
        .put("status", "failed")
        .put("kind", kind)
        .put("reason", failure.reason().name())
        .put("step", failure.step())
        .put("message", failure.getMessage())
        .put("totalMillis", totalMillis);
  }
}
