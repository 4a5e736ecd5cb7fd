package io.mcpgateway.bootstrap.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests of behaviour that is the same on every kind: a fresh SQLite database per test. */
public abstract class FreshSqliteDatabase {

  protected TestDatabase database;

  @BeforeEach
  void createDatabase() throws Exception {
    database = TestDatabases.sqlite();
  }

  @AfterEach
  void dropDatabase() throws Exception {
    database.close();
  }
}
