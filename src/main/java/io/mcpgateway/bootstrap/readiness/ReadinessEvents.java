package io.mcpgateway.bootstrap.readiness;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.pipeline.BootstrapReport;
import io.mcpgateway.bootstrap.pipeline.StepResult;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.TreeMap;

/**
 * The event-bus contract between the agent and co-located gateway verticles: the addresses, and
 * one JSON shape for every state, so a consumer reads {@code db.ready}, {@code db.failed} and a
 * {@code db.status} reply the same way.
 */
public final class ReadinessEvents {

  /** Published once when the database is ready. */
  public static final String READY = "db.ready";
  /** Published once when the bootstrap failed. */
  public static final String FAILED = "db.failed";
  /** Request/reply: answers with the current state (pending, ready or failed). */
  public static final String STATUS = "db.status";

  /** Every message of the contract stays in its Vert.x instance, even on a clustered event bus. */
  public static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  public static final String PENDING_STATUS = "pending";
  public static final String READY_STATUS = "ready";
  public static final String FAILED_STATUS = "failed";
  /** Serve mode's readiness once a shutdown has started, whatever the run's outcome. */
  public static final String STOPPING_STATUS = "stopping";

  private ReadinessEvents() {
  }

  /** Before any result: the same keys, with no version, no time and no steps yet. */
  public static JsonObject pending(String kind) {
    return new JsonObject().put("status", PENDING_STATUS).put("kind", kind).put("schemaVersion", null)
        .put("schemaBefore", null).put("migrationsApplied", 0).put("totalMillis", 0L)
        .put("stepMillis", new JsonObject()).put("rowsChanged", new JsonObject()).put("rowsSkipped", new JsonObject())
        .put("lockTaken", false);
  }

  /** A failure before the pipeline started (bad settings): the kind may be unknown. */
  public static JsonObject failedBeforeStart(String kind, BootstrapException failure) {
    return pending(kind).put("status", FAILED_STATUS).put("step", failure.step())
        .put("reason", failure.reason().name()).put("message", failure.getMessage());
  }

  public static JsonObject ready(BootstrapReport report) {
    return body(READY_STATUS, report);
  }

  /** The failure body: also the failed step, the reason and a message that never holds a secret. */
  public static JsonObject failed(BootstrapReport partial, BootstrapException failure) {
    return body(FAILED_STATUS, partial)
        .put("step", failure.step())
        .put("reason", failure.reason().name())
        .put("message", failure.getMessage());
  }

  private static JsonObject body(String status, BootstrapReport report) {
    JsonObject millis = new JsonObject();
    JsonObject rows = new JsonObject();
    JsonObject skipped = new JsonObject();
    for (StepResult step : report.steps()) {
      millis.put(step.step(), step.millis());
      rows.put(step.step(), step.rowsChanged());
      if (!step.rowsSkipped().isEmpty()) {
        JsonObject counts = new JsonObject();
        new TreeMap<>(step.rowsSkipped()).forEach(counts::put);
        skipped.put(step.step(), counts);
      }
    }
    boolean migrated = report.schema() != null;
    return new JsonObject()
        .put("status", status)
        .put("kind", report.vendor().name())
        .put("schemaVersion", migrated ? report.schema().version() : null)
        .put("schemaBefore", migrated ? report.schema().before().name() : null)
        .put("migrationsApplied", migrated ? report.schema().migrationsApplied() : 0)
        .put("totalMillis", report.totalMillis())
        .put("stepMillis", millis)
        .put("rowsChanged", rows)
        .put("rowsSkipped", skipped)
        .put("lockTaken", report.lockTaken());
  }

  public static boolean isReady(JsonObject body) {
    return READY_STATUS.equals(body.getString("status"));
  }

  public static boolean isFailed(JsonObject body) {
    return FAILED_STATUS.equals(body.getString("status"));
  }
}
