package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.config.ConnectRetry;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the run's connections, trying again while the server is unreachable or still starting
 * (timers, never a sleep), one log line per failed attempt with its cause and number. Only
 * {@code UNREACHABLE} is retried: a rejected login or an unknown database will not get better.
 * A stop request ends the attempts at once.
 */
final class Connector {

  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

  private final Vertx vertx;
  private final DatabaseUrl url;
  private final WorkerExecutor worker;
  private final ConnectRetry retry;
  private final StopSignal stop;

  Connector(Vertx vertx, DatabaseUrl url, WorkerExecutor worker, ConnectRetry retry, StopSignal stop) {
    this.vertx = vertx;
    this.url = url;
    this.worker = worker;
    this.retry = retry;
    this.stop = stop;
  }

  Future<DedicatedConnection> connect() {
    return attempt(1);
  }

  private Future<DedicatedConnection> attempt(int number) {
    if (stop.isRequested()) {
      return Future.failedFuture(stopped());
    }
    Promise<DedicatedConnection> outcome = Promise.promise();
    Futures.started(() -> url.vendor().connect(vertx, url, worker)).onComplete(connected -> {
      if (connected.succeeded() && !outcome.tryComplete(connected.result())) {
        connected.result().close(); // the stop won the race: nobody uses this connection
      } else if (connected.failed()) {
        retryOrFail(number, connected.cause()).onComplete(outcome);
      }
    });
    stop.whenRequested().onSuccess(stopping -> outcome.tryFail(stopped()));
    return outcome.future();
  }

  private Future<DedicatedConnection> retryOrFail(int number, Throwable failure) {
    int attempts = retry.maxRetries() + 1;
    if (!(failure instanceof BootstrapException known) || known.reason() != Reason.UNREACHABLE || number >= attempts) {
      return Future.failedFuture(failure);
    }
    long interval = retry.interval().toMillis();
    long delay = interval + ThreadLocalRandom.current().nextLong(interval / 5 + 1);
    LOG.warn("{}; attempt {} of {}, next in {} s", known.getMessage(), number, attempts, String.format("%.1f", delay / 1000.0));
    Promise<DedicatedConnection> next = Promise.promise();
    long timer = vertx.setTimer(delay, id -> attempt(number + 1).onComplete(next));
    stop.whenRequested().onSuccess(stopping -> {
      vertx.cancelTimer(timer);
      next.tryFail(stopped());
    });
    return next.future();
  }

  private static BootstrapException stopped() {
    return new BootstrapException(Reason.STOPPED, "stopped while connecting, as asked");
  }
}
