package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;

class PostgresBootstrapTest extends BootstrapPipelineTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.postgres();
  }
}
