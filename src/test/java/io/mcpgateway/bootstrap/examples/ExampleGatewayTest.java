package io.mcpgateway.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Http;
import io.mcpgateway.bootstrap.support.FreshSqliteDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example gateway serves only on a ready database, in either deployment order. */
@ExtendWith(VertxExtension.class)
class ExampleGatewayTest extends FreshSqliteDatabase {


  @Test
  void gatewayDeployedBeforeTheAgentFinishesWaitsThenServes(Vertx vertx) throws Throwable {
    ExampleGatewayVerticle gateway = new ExampleGatewayVerticle();
    Future<String> gatewayDeployed;
    Future<String> agent;
    try (AutoCloseable held = database.holdMigrationLock()) {
      gatewayDeployed = deploy(vertx, gateway);
      agent = Agents.deploy(vertx, Agents.settings(database));
      Thread.sleep(500);
      assertFalse(gatewayDeployed.isComplete(), "no traffic before the database is ready");
      assertFalse(agent.isComplete());
    }
    Agents.await(agent);
    Agents.await(gatewayDeployed);

    assertServes(gateway);
  }

  @Test
  void gatewayDeployedAfterTheAgentFinishedServesAtOnce(Vertx vertx) throws Throwable {
    Agents.await(Agents.deploy(vertx, Agents.settings(database)));
    ExampleGatewayVerticle gateway = new ExampleGatewayVerticle();

    Agents.await(deploy(vertx, gateway));

    assertServes(gateway);
  }

  @Test
  void gatewayDoesNotStartOnAFailedBootstrap(Vertx vertx) throws Throwable {
    new io.mcpgateway.bootstrap.support.Sql(database).update("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY)");
    Future<String> gatewayDeployed = deploy(vertx, new ExampleGatewayVerticle());
    Agents.failureOf(Agents.deploy(vertx, Agents.settings(database)));

    assertTrue(Agents.failureOf(gatewayDeployed).getMessage().contains("UNKNOWN_SCHEMA"));
  }

  private static Future<String> deploy(Vertx vertx, ExampleGatewayVerticle gateway) {
    return vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(new JsonObject().put("GATEWAY_PORT", 0)));
  }

  private static void assertServes(ExampleGatewayVerticle gateway) throws Exception {
    HttpResponse<String> response = Http.get("http://127.0.0.1:" + gateway.actualPort() + "/");
    assertEquals(200, response.statusCode());
    JsonObject body = new JsonObject(response.body());
    assertEquals("serving", body.getString("gateway"));
    assertEquals("sqlite", body.getString("database"));
    assertEquals("2", body.getString("schemaVersion"));
  }
}
