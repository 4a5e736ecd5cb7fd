package io.mcpgateway.bootstrap.readiness;

import io.vertx.core.json.JsonObject;

/** Fails {@link DbReadiness#await}: the bootstrap failed, or the wait timed out. */
public final class DatabaseNotReadyException extends RuntimeException {

  private final JsonObject state;

  public DatabaseNotReadyException(String message, JsonObject state) {
    super(message, null, false, false);
    this.state = state;
  }

  /** The {@code db.failed} body, or the pending state at the timeout. */
  public JsonObject state() {
    return state;
  }
}
