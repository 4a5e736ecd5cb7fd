package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;

class PostgresUpstreamSchemaTest extends UpstreamSchemaTestBase {

  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabases.postgres();
  }
}
