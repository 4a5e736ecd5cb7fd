package io.mcpgateway.gateway;

import io.mcpgateway.bootstrap.BootstrapVerticle;
import io.mcpgateway.bootstrap.schema.MigrationSource;

/** The agent as this gateway shapes it: the bundled schema and steps, then the gateway's own. */
public final class GatewayAgent {

  /** The gateway's migrations, one folder per database. */
  public static final String MIGRATIONS = "classpath:gateway/migration/{vendor}";

  private GatewayAgent() {
  }

  public static BootstrapVerticle.Builder builder() {
    return BootstrapVerticle.builder()
        .migrations(MigrationSource.BUNDLED_LOCATION, MIGRATIONS)
        .step(new DefaultGatewaySettings());
  }
}
