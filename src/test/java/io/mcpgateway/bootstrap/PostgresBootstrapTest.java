package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

class PostgresBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.postgres();
  }

  @Test
  void rejectedLoginFailsWithAuthAndNeverShowsThePassword(Vertx vertx) throws Exception {
    assertRejectedLoginKeepsThePasswordSecret(vertx);
  }
}
