package io.mcpgateway.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Http;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What serve mode's endpoints reveal to anyone who can reach them: after a successful run and a
 * failed one, each with a known database password and admin password, every endpoint's status
 * line, headers and body is searched for them (and for the admin's bcrypt hash).
 */
class ServeEndpointsSecretsTest {

  static final List<String> PATHS = List.of("/metrics", "/health/live", "/health/ready", "/", "/health", "/metrics/../health/ready",
      "/no-such-page?password=x");

  final String databasePassword = "db-pw-" + UUID.randomUUID();
  final String adminPassword = "admin-pw-" + UUID.randomUUID();
  ServeMode serve;
  String base;

  @BeforeEach
  void start() throws Throwable {
    serve = ServeMode.create();
    base = "http://127.0.0.1:" + Agents.await(serve.startEndpoints("127.0.0.1", 0)).actualPort();
  }

  @AfterEach
  void stop() throws Throwable {
    Agents.await(serve.close());
  }

  @Test
  void aReadyRunRevealsNoPasswordOnAnyEndpointOrInTheLog() throws Throwable {
    // PostgreSQL here trusts the client, so the URL's password is sent and ignored: the run succeeds.
    try (TestDatabase database = TestDatabases.postgres(); LogCapture log = new LogCapture()) {
      Agents.await(serve.deployAgent(settings(withPassword(database.urlText(), databasePassword))));

      assertEquals(200, Http.get(base + "/health/ready").statusCode());
      assertNothingSecret(everyEndpoint(), log);
    }
  }

  @Test
  void aRunRefusedForItsPasswordRevealsItNeither() throws Throwable {
    // MariaDB here has its own passwords: a wrong one is refused, and the failure is on /health/ready.
    try (TestDatabase database = TestDatabases.mysql(); LogCapture log = new LogCapture()) {
      Agents.failureOf(serve.deployAgent(settings(withPassword(database.urlText(), databasePassword))));

      HttpResponse<String> ready = Http.get(base + "/health/ready");
      assertEquals(503, ready.statusCode());
      assertEquals("AUTH", new JsonObject(ready.body()).getString("reason"), ready.body());
      assertNothingSecret(everyEndpoint(), log);
    }
  }

  private JsonObject settings(String databaseUrl) {
    return new JsonObject().put("DATABASE_URL", databaseUrl).put("PLATFORM_ADMIN_PASSWORD", adminPassword)
        .put("BCRYPT_COST", "4").put("MIGRATION_LOCK_TIMEOUT", "60");
  }

  private String everyEndpoint() throws Exception {
    StringBuilder seen = new StringBuilder();
    for (String path : PATHS) {
      HttpResponse<String> response = Http.get(base + path);
      seen.append(path).append(' ').append(response.statusCode()).append('\n')
          .append(response.headers().map()).append('\n').append(response.body()).append('\n');
    }
    return seen.toString();
  }

  private void assertNothingSecret(String endpoints, LogCapture log) {
    assertTrue(endpoints.contains("db_bootstrap_step_seconds"), "the scrape was read");
    for (String secret : List.of(databasePassword, adminPassword, "$2a$")) {
      assertFalse(endpoints.contains(secret), () -> "an endpoint reveals " + secret + ":\n" + endpoints);
      for (String line : log.lines()) {
        assertFalse(line.contains(secret), () -> "the log reveals " + secret + ": " + line);
      }
    }
  }

  private static String withPassword(String url, String password) {
    URI uri = URI.create(url);
    String user = uri.getUserInfo() == null ? "root" : uri.getUserInfo().replaceFirst(":.*", "");
    return uri.getScheme() + "://" + user + ":" + password + "@" + uri.getRawAuthority().replaceFirst(".*@", "") + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
