package io.mcpgateway.bootstrap.metrics;

import io.mcpgateway.bootstrap.pipeline.PipelineListener;
import io.mcpgateway.bootstrap.pipeline.StepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's Micrometer meters, fed by the pipeline as it runs:
 * <ul>
 *   <li>{@code db.bootstrap.step} timer (step, outcome, kind) for lock, schema, normalize, admin,
 *       roles, orphans and total;</li>
 *   <li>{@code db.bootstrap.rows.changed} counter (step, kind);</li>
 *   <li>{@code db.bootstrap.rows.skipped} counter (step, table, kind): rows a step left alone on purpose;</li>
 *   <li>{@code db.bootstrap.ready} gauge (kind): 0 pending, 1 ready, -1 failed;</li>
 *   <li>{@code db.bootstrap.lock.waiting} long-task timer (kind): a replica queuing behind another's
 *       migration shows as an active wait while it waits, not only afterwards.</li>
 * </ul>
 */
public final class BootstrapMetrics implements PipelineListener {

  public static final String STEP_TIMER = "db.bootstrap.step";
  public static final String ROWS_CHANGED = "db.bootstrap.rows.changed";
  public static final String ROWS_SKIPPED = "db.bootstrap.rows.skipped";
  public static final String READY_GAUGE = "db.bootstrap.ready";
  public static final String LOCK_WAITING = "db.bootstrap.lock.waiting";

  private static final String LOCK_STEP = "lock";

  private final MeterRegistry registry;
  private final String kind;
  /** One value per registry and kind: Micrometer keeps the first gauge registered, so reruns must share it. */
  private static final Map<MeterRegistry, Map<String, AtomicInteger>> READINESS = Collections.synchronizedMap(new WeakHashMap<>());

  private final AtomicInteger readiness;
  private LongTaskTimer.Sample lockWait;

  public BootstrapMetrics(MeterRegistry registry, String kind) {
    this.registry = registry;
    this.kind = kind;
    this.readiness = READINESS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(kind, k -> new AtomicInteger());
    readiness.set(0);
    Gauge.builder(READY_GAUGE, readiness, AtomicInteger::get)
        .description("Database readiness: 0 pending, 1 ready, -1 failed")
        .tag("kind", kind).strongReference(true).register(registry);
  }

  @Override
  public void stepStarted(String step) {
    if (LOCK_STEP.equals(step)) {
      lockWait = LongTaskTimer.builder(LOCK_WAITING).description("Time spent waiting for the migration lock, while waiting")
          .tag("kind", kind).register(registry).start();
    }
  }

  @Override
  public void stepFinished(StepResult result) {
    if (LOCK_STEP.equals(result.step()) && lockWait != null) {
      lockWait.stop();
      lockWait = null;
    }
    timer(result.step(), result.outcome()).record(Duration.ofMillis(result.millis()));
    Counter.builder(ROWS_CHANGED).description("Rows inserted or updated by a bootstrap step")
        .tags("step", result.step(), "kind", kind).register(registry).increment(result.rowsChanged());
    result.rowsSkipped().forEach((table, count) -> Counter.builder(ROWS_SKIPPED)
        .description("Rows a bootstrap step left alone on purpose (an orphan whose adoption would break a unique key)")
        .tags("step", result.step(), "table", table, "kind", kind).register(registry).increment(count));
  }

  @Override
  public void runFinished(boolean succeeded, long totalMillis) {
    timer("total", succeeded ? "success" : "failure").record(Duration.ofMillis(totalMillis));
    readiness.set(succeeded ? 1 : -1);
  }

  private Timer timer(String step, String outcome) {
    return Timer.builder(STEP_TIMER).description("Duration of a database bootstrap step")
        .tags("step", step, "outcome", outcome, "kind", kind).register(registry);
  }
}
