package io.mcpgateway.gateway;

import io.mcpgateway.bootstrap.config.SettingsLoader;
import io.mcpgateway.bootstrap.serve.ServeConfig;
import io.mcpgateway.bootstrap.serve.ServeMode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a gateway embeds the agent: one Vert.x with the agent's metrics and health endpoints, the
 * gateway verticle, and the agent with the gateway's own migrations and step. The gateway verticle
 * is deployed first on purpose: it waits for {@code db.ready}. Runnable as the compose stack's gateway.
 */
public final class ExampleGateway {

  private static final Logger LOG = LoggerFactory.getLogger(ExampleGateway.class);

  private ExampleGateway() {
  }

  public static void main(String[] args) {
    JsonObject settings = SettingsLoader.load(SettingsLoader.DEFAULT_FILE, false, System.getenv());
    String gatewayPort = System.getenv().getOrDefault("GATEWAY_PORT", "4444");
    ServeMode mode = ServeMode.create();
    mode.startEndpoints(ServeConfig.from(settings, true).httpPort())
        .onFailure(failure -> LOG.error("Metrics and health endpoints not started: {}", failure.getMessage()));
    mode.vertx().deployVerticle(new ExampleGatewayVerticle(),
            new DeploymentOptions().setConfig(new JsonObject().put("GATEWAY_PORT", gatewayPort)))
        .onSuccess(id -> LOG.info("Example gateway serving on port {}", gatewayPort))
        .onFailure(failure -> LOG.error("Example gateway not started: {}", failure.getMessage()));
    mode.deployAgent(GatewayAgent.builder(), settings);
  }
}
