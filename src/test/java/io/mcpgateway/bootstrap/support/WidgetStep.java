package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;

/**
 * A gateway's own step, as a gateway team would write one: gives the admin a default widget in the
 * gateway's own table (from the test migration {@code gateway-migrations/{vendor}/V2_1__widgets.sql}).
 */
public final class WidgetStep implements BootstrapStep {

  public static final String LOCATION = "classpath:gateway-migrations/{vendor}";

  @Override
  public String name() {
    return "widgets";
  }

  @Override
  public Future<Long> pendingRows(StepContext context) {
    return SqlTemplate.forQuery(context.connection(), "SELECT COUNT(*) FROM widgets WHERE id = #{id}")
        .execute(Map.of("id", "w-default"))
        .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue() == 0 ? 1L : 0L);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    return SqlTemplate.forUpdate(context.connection(), "INSERT INTO widgets (id, colour, owner_email) VALUES (#{id}, #{colour}, #{owner})")
        .execute(Map.of("id", "w-default", "colour", "blue", "owner", context.config().adminEmail()))
        .map(result -> StepOutcome.changed(result.rowCount()));
  }
}
