package io.mcpgateway.bootstrap.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking HTTP GETs from the test thread, as a scraper or a load balancer would make them. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {
  }

  public static HttpResponse<String> get(String url) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until the response has the status, or fails after the timeout. */
  public static HttpResponse<String> awaitStatus(String url, int status, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = get(url);
    while (last.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
      last = get(url);
    }
    if (last.statusCode() != status) {
      throw new AssertionError("expected " + status + " from " + url + " but got " + last.statusCode() + ": " + last.body());
    }
    return last;
  }
}
