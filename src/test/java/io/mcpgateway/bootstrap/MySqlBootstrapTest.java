package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
