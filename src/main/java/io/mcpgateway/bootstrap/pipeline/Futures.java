package io.mcpgateway.bootstrap.pipeline;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** Calls code that returns a future, so that one that throws (or returns null) still yields a failed future. */
final class Futures {

  private Futures() {
  }

  static <T> Future<T> started(Supplier<Future<T>> work) {
    try {
      Future<T> started = work.get();
      return started != null ? started : Future.failedFuture(new IllegalStateException("returned no future"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
