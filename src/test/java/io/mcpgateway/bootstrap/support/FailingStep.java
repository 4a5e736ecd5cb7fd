package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.steps.BootstrapStep;
import io.mcpgateway.bootstrap.steps.StepContext;
import io.mcpgateway.bootstrap.steps.StepOutcome;
import io.vertx.core.Future;

/**
 * A step that writes a row into {@code tools} and then fails, either with a failed future or by
 * throwing out of {@code apply}: nothing it wrote may stay.
 */
public final class FailingStep implements BootstrapStep {

  public static final String ROW_ID = "t-half-written";

  private final boolean throwsInstead;

  public FailingStep(boolean throwsInstead) {
    this.throwsInstead = throwsInstead;
  }

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public Future<Long> pendingRows(StepContext context) {
    return Future.succeededFuture(1L);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    Future<StepOutcome> written = context.connection()
        .query("INSERT INTO tools (id, name, team_id, owner_email, visibility) VALUES ('" + ROW_ID
            + "', 'half', 'team-x', 'dev@example.com', 'private')")
        .execute().map(done -> StepOutcome.changed(1));
    if (throwsInstead) {
      throw new IllegalStateException("the gateway's step threw");
    }
    return written.compose(done -> Future.failedFuture(new IllegalStateException("the gateway's step failed")));
  }
}
