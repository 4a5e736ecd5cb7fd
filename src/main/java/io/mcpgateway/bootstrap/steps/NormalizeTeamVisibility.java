package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team visibility outside {private, public} (e.g. the retired 'team') becomes private. One
 * UPDATE instead of the reference's load-every-row loop; NULL counts as outside too.
 */
public final class NormalizeTeamVisibility implements BootstrapStep {

  private static final Logger LOG = LoggerFactory.getLogger(NormalizeTeamVisibility.class);

  @Override
  public String name() {
    return "normalize";
  }

  // The schema's own two values, not input: as literals the read needs no prepared statement.
  private static final String OUTSIDE = "visibility IS NULL OR visibility NOT IN ('private', 'public')";

  @Override
  public Future<Long> pendingRows(StepContext context) {
    return Rows.counts(context.connection(), "SELECT COUNT(*) FROM email_teams WHERE " + OUTSIDE, Map.of())
        .map(count -> count[0]);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    return Rows.update(context.connection(),
        "UPDATE email_teams SET visibility = 'private', updated_at = CURRENT_TIMESTAMP WHERE " + OUTSIDE, Map.of())
        .onSuccess(changed -> {
          if (changed > 0) {
            LOG.info("Normalized {} team record(s) to private visibility", changed);
          }
        })
        .map(StepOutcome::changed);
  }
}
