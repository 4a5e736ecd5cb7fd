package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's own step, as a gateway team would write one: gives the admin a default widget in the
 * gateway's own table (from the test migration {@code gateway-migrations/{vendor}/V2_1__widgets.sql}).
 */
public final class WidgetStep implements BootstrapStep {

  public static final String LOCATION = "classpath:gateway-migrations/{vendor}";

  private final String id;
  private final Duration pause;
  private final Promise<Void> started = Promise.promise();

  public WidgetStep() {
    this("w-default", Duration.ZERO);
  }

  /** A widget of its own id, written after a pause inside the step's transaction (a slow step). */
  public WidgetStep(String id, Duration pause) {
    this.id = id;
    this.pause = pause;
  }

  /** Completes when {@link #apply} has begun. */
  public Future<Void> started() {
    return started.future();
  }

  @Override
  public String name() {
    return id.equals("w-default") ? "widgets" : "widgets-" + id;
  }

  @Override
  public Future<Long> pendingRows(StepContext context) {
    return SqlTemplate.forQuery(context.connection(), "SELECT COUNT(*) FROM widgets WHERE id = #{id}")
        .execute(Map.of("id", id))
        .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue() == 0 ? 1L : 0L);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    started.tryComplete();
    Future<Void> paused = pause.isZero() ? Future.succeededFuture()
        : Vertx.currentContext().owner().timer(pause.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
    return paused.compose(waited -> SqlTemplate.forUpdate(context.connection(),
            "INSERT INTO widgets (id, colour, owner_email) VALUES (#{id}, #{colour}, #{owner})")
        .execute(Map.of("id", id, "colour", "blue", "owner", context.config().adminEmail())))
        .map(result -> StepOutcome.changed(result.rowCount()));
  }
}
