package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

class MySqlBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.mysql();
  }

  @Test
  void rejectedLoginFailsWithAuthAndNeverShowsThePassword(Vertx vertx) throws Exception {
    assertRejectedLoginKeepsThePasswordSecret(vertx);
  }
}
