package io.mcpgateway.gateway;

import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The example gateway's own bootstrap step: the settings it needs at first start, inserted where
 * absent (one set-based statement each), never overwritten, attributed to the platform admin.
 */
public final class DefaultGatewaySettings implements BootstrapStep {

  /** The settings and their first values. */
  static final Map<String, String> DEFAULTS = Map.of("max_tools_per_server", "100", "session_ttl_seconds", "3600");

  private static final String MISSING = "FROM (SELECT #{name} AS name) d WHERE NOT EXISTS"
      + " (SELECT 1 FROM gateway_settings s WHERE s.name = d.name)";

  @Override
  public String name() {
    return "gateway-settings";
  }

  /** The settings table is small: read the names and count the defaults it lacks. */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    return SqlTemplate.forQuery(context.connection(), "SELECT name FROM gateway_settings").execute(Map.of())
        .map(rows -> {
          Set<String> present = new HashSet<>();
          rows.forEach(row -> present.add(row.getString(0)));
          return DEFAULTS.keySet().stream().filter(name -> !present.contains(name)).count();
        });
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    SqlTemplate<Map<String, Object>, SqlResult<Void>> insert = SqlTemplate.forUpdate(context.connection(),
        "INSERT INTO gateway_settings (name, value, updated_by) SELECT d.name, #{value}, #{admin} " + MISSING);
    return insert.executeBatch(DEFAULTS.entrySet().stream()
            .map(setting -> Map.<String, Object>of("name", setting.getKey(), "value", setting.getValue(),
                "admin", context.config().adminEmail()))
            .toList())
        .map(result -> {
          long inserted = 0;
          for (var batch = result; batch != null; batch = batch.next()) {
            inserted += batch.rowCount();
          }
          return StepOutcome.changed(inserted);
        });
  }
}
