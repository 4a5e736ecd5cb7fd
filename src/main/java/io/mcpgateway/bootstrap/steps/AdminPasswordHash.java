package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The admin's bcrypt hash, computed once on a worker thread. The pipeline starts it early on a new
 * database, so its quarter second (cost 12) hides behind Flyway; a ready database never pays it.
 */
public final class AdminPasswordHash {

  private final WorkerExecutor worker;
  private final String password;
  private final int cost;
  private Future<String> hash;

  public AdminPasswordHash(WorkerExecutor worker, String password, int cost) {
    this.worker = worker;
    this.password = password;
    this.cost = cost;
  }

  /** Starts hashing if not started; returns the one result. Call on the pipeline's context only. */
  public Future<String> get() {
    if (hash == null) {
      hash = worker.executeBlocking(() -> BCrypt.hashpw(password, BCrypt.gensalt(cost)), false);
    }
    return hash;
  }
}
