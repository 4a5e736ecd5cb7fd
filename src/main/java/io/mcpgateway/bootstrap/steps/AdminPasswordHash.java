package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The admin's bcrypt hash, computed once on a worker thread. The pipeline starts it early on a new
 * database, so its quarter second (cost 12) hides behind Flyway; a ready database never pays it.
 * A one-shot run that knows from the start that the database is new (an SQLite file that does not
 * exist yet) starts it before Vert.x even starts ({@link #startAhead}), and the run takes that one.
 */
public final class AdminPasswordHash {

  /** The one hash started ahead in this process, if any: taken by the first run with the same password and cost. */
  private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

  private final WorkerExecutor worker;
  private final String password;
  private final int cost;
  private Future<String> hash;

  public AdminPasswordHash(WorkerExecutor worker, String password, int cost) {
    this.worker = worker;
    this.password = password;
    this.cost = cost;
  }

  /**
   * Starts hashing on a daemon thread of its own and returns at once: for a caller that is sure the
   * hash will be needed and is not on an event loop (the one-shot run's main thread). Returns the
   * hash to come.
   */
  public static CompletionStage<String> startAhead(String password, int cost) {
    Ahead ahead = new Ahead(password, cost, new CompletableFuture<>());
    AHEAD.set(ahead);
    Thread thread = new Thread(() -> {
      try {
        ahead.hash().complete(BCrypt.hashpw(password, BCrypt.gensalt(cost)));
      } catch (RuntimeException e) {
        ahead.hash().completeExceptionally(e);
      }
    }, "admin-hash-ahead");
    thread.setDaemon(true);
    thread.start();
    return ahead.hash();
  }

  /** Starts hashing if not started (or takes the hash started ahead); returns the one result. Call on the pipeline's context only. */
  public Future<String> get() {
    if (hash == null) {
      Ahead ahead = AHEAD.get();
      if (ahead != null && ahead.password().equals(password) && ahead.cost() == cost && AHEAD.compareAndSet(ahead, null)) {
        hash = Future.fromCompletionStage(ahead.hash(), Vertx.currentContext()); // answers on the pipeline's context
      } else {
        hash = worker.executeBlocking(() -> BCrypt.hashpw(password, BCrypt.gensalt(cost)), false);
      }
    }
    return hash;
  }

  private record Ahead(String password, int cost, CompletableFuture<String> hash) {
  }
}
