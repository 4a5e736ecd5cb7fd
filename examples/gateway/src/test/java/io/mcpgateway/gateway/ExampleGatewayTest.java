package io.mcpgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The gateway as its team would test it: on each database, with the agent as a plain dependency. */
@ExtendWith(VertxExtension.class)
class ExampleGatewayTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void theGatewayServesOnlyOnceItsOwnSchemaAndSettingsAreThere(String vendor, Vertx vertx) throws Exception {
    try (GatewayDatabase database = GatewayDatabase.create(vendor)) {
      ExampleGatewayVerticle gateway = new ExampleGatewayVerticle();
      Future<String> gatewayDeployed = deployGateway(vertx, gateway, 0);
      assertFalse(gatewayDeployed.isComplete(), "no traffic before the agent ran");

      await(vertx.deployVerticle(GatewayAgent.builder().build(), new DeploymentOptions().setConfig(settings(database))));
      await(gatewayDeployed);

      JsonObject served = new JsonObject(get("http://127.0.0.1:" + gateway.actualPort() + "/"));
      assertEquals("serving", served.getString("gateway"));
      assertEquals(vendor, served.getString("database"));
      assertEquals("3", served.getString("schemaVersion"), "the gateway's 2.1, then the bundled 3");
      assertEquals(List.of("max_tools_per_server", "session_ttl_seconds"),
          database.column("SELECT name FROM gateway_settings WHERE updated_by = 'admin@example.com' ORDER BY name"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aSecondStartTakesTheFastPathAndChangesNothing(String vendor, Vertx vertx) throws Exception {
    try (GatewayDatabase database = GatewayDatabase.create(vendor)) {
      await(vertx.deployVerticle(GatewayAgent.builder().build(), new DeploymentOptions().setConfig(settings(database))));
      ListAppender<ILoggingEvent> logs = capture();
      Future<JsonObject> ready = readyEvent(vertx);

      await(vertx.deployVerticle(GatewayAgent.builder().build(), new DeploymentOptions().setConfig(settings(database))));

      JsonObject body = await(ready);
      body.getJsonObject("rowsChanged").forEach(step -> assertEquals(0L, ((Number) step.getValue()).longValue(), step.getKey()));
      assertEquals(0L, body.getJsonObject("rowsChanged").getLong("gateway-settings"));
      assertFalse(body.getBoolean("lockTaken"), body.encode());
      assertTrue(logs.list.stream().anyMatch(event -> event.getFormattedMessage().contains("the migration lock was not needed")),
          "the gateway's migration and step are read by the lock-free check too");
    }
  }

  @Test
  void theGatewayDoesNotStartOnAFailedBootstrap(Vertx vertx) throws Exception {
    try (GatewayDatabase database = GatewayDatabase.create("sqlite")) {
      database.execute("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY)");
      Future<String> gatewayDeployed = deployGateway(vertx, new ExampleGatewayVerticle(), 0);

      failureOf(vertx.deployVerticle(GatewayAgent.builder().build(), new DeploymentOptions().setConfig(settings(database))));

      assertTrue(failureOf(gatewayDeployed).getMessage().contains("UNKNOWN_SCHEMA"));
    }
  }

  @Test
  void aBadPortFailsTheDeploymentWithAMessageInsteadOfThrowing(Vertx vertx) throws Exception {
    Throwable failure = failureOf(vertx.deployVerticle(new ExampleGatewayVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("GATEWAY_PORT", "http"))));

    assertEquals("GATEWAY_PORT must be a port number from 0 to 65535 (got 'http')", failure.getMessage());
  }

  private static JsonObject settings(GatewayDatabase database) {
    return new JsonObject().put("DATABASE_URL", database.urlText()).put("PLATFORM_ADMIN_PASSWORD", "Example-Passw0rd")
        .put("BCRYPT_COST", "4").put("MIGRATION_LOCK_TIMEOUT", "60");
  }

  private static Future<String> deployGateway(Vertx vertx, ExampleGatewayVerticle gateway, int port) {
    return vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(new JsonObject().put("GATEWAY_PORT", port)));
  }

  private static Future<JsonObject> readyEvent(Vertx vertx) {
    Promise<JsonObject> ready = Promise.promise();
    var consumer = vertx.eventBus().<JsonObject>localConsumer(ReadinessEvents.READY, message -> ready.tryComplete(message.body()));
    return consumer.completion().compose(registered -> ready.future()).eventually(consumer::unregister);
  }

  private static ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger("io.mcpgateway.bootstrap");
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
