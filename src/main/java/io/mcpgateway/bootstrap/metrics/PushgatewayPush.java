package io.mcpgateway.bootstrap.metrics;

import io.mcpgateway.bootstrap.config.PushgatewayConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a one-shot run's meters to a Prometheus Pushgateway, which keeps them after the process
 * has gone (a Job or an init container exits before anything scrapes it). A PUT replaces the
 * group's previous push, so a rerun of the Job shows its own figures only. A push is best effort:
 * its future never fails, and a failed push is one warning line that leaves the run's outcome alone.
 */
public final class PushgatewayPush {

  private static final Logger LOG = LoggerFactory.getLogger(PushgatewayPush.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private PushgatewayPush() {
  }

  /** Scrapes {@code registry} and PUTs it to the group, all within the configured timeout; logs the outcome. */
  public static Future<Void> push(Vertx vertx, PrometheusMeterRegistry registry, PushgatewayConfig target) {
    long started = System.nanoTime();
    long timeoutMillis = target.timeout().toMillis();
    HttpClient client = vertx.createHttpClient();
    return vertx.executeBlocking(registry::scrape, false) // walks every meter: not on the event loop
        .compose(exposition -> client.request(request(target))
            .compose(request -> request.send(exposition)))
        .compose(PushgatewayPush::accepted)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onSuccess(pushed -> LOG.info("Metrics pushed to the Pushgateway at {} (job {}, instance {}) in {} ms",
            target.redactedUrl(), PushgatewayConfig.JOB, target.instance(), millisSince(started)))
        .recover(failure -> {
          LOG.warn("Metrics not pushed to the Pushgateway at {}: {}; the run's outcome stands", target.redactedUrl(),
              describe(failure, timeoutMillis));
          return Future.succeededFuture();
        })
        .eventually(client::close);
  }

  private static RequestOptions request(PushgatewayConfig target) {
    long timeoutMillis = target.timeout().toMillis();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.PUT).setAbsoluteURI(target.groupUrl())
        .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis)
        .putHeader("content-type", PROMETHEUS_TEXT);
    if (target.authorization() != null) {
      options.putHeader("authorization", target.authorization());
    }
    return options;
  }

  /** Any 2xx; otherwise the status and the start of the Pushgateway's answer (it names what it refused). */
  private static Future<Void> accepted(HttpClientResponse response) {
    return response.body().compose(body -> {
      if (response.statusCode() / 100 == 2) {
        return Future.succeededFuture();
      }
      String answer = body.toString().strip().replaceAll("\\p{Cntrl}", " ");
      return Future.failedFuture("it answered " + response.statusCode()
          + (answer.isEmpty() ? "" : " (" + (answer.length() <= 200 ? answer : answer.substring(0, 200) + "...") + ")"));
    });
  }

  /** One line; a timeout, whichever clock fired, reads the same. */
  private static String describe(Throwable failure, long timeoutMillis) {
    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
      return "no answer within " + timeoutMillis + " ms (PUSHGATEWAY_TIMEOUT_MS)";
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.replace('\n', ' ');
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
