package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MCPGATEWAY_SKIP_MIGRATIONS=true, the upstream gateway's "migrate elsewhere": a pod whose schema
 * a Job migrates. Flyway never runs; a schema that is not current fails at once, naming what is
 * missing; a current one gets its data steps as usual.
 */
@ExtendWith(VertxExtension.class)
class SkipMigrationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aSchemaThatIsNotCurrentFailsAtOnceNamingWhatIsMissing(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      flyway(database).target("2").load().migrate();

      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, skipping(database)));

      assertEquals(Reason.SCHEMA_NOT_CURRENT, error.reason());
      assertEquals(11, error.reason().exitCode());
      assertTrue(error.getMessage().contains("migrate from version 2 to 3: 3 upstream unique keys"), error.getMessage());
      assertTrue(error.getMessage().contains("MCPGATEWAY_SKIP_MIGRATIONS is on"), error.getMessage());
      Sql sql = new Sql(database);
      assertEquals(2, sql.count("SELECT COUNT(*) FROM " + MigrationSource.HISTORY_TABLE), "Flyway did not run");
      assertEquals(0, sql.count("SELECT COUNT(*) FROM email_users"), "no step ran");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void anEmptyDatabaseIsNotCreated(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, skipping(database)));

      assertEquals(Reason.SCHEMA_NOT_CURRENT, error.reason());
      assertTrue(error.getMessage().contains("no migration history"), error.getMessage());
      assertTrue(error.getMessage().contains("1 core tables"), error.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void onACurrentSchemaTheDataStepsRunAsUsual(String vendor, Vertx vertx) throws Throwable {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      flyway(database).load().migrate();

      JsonObject ready = Agents.await(Agents.bootstrap(vertx, skipping(database)));

      assertEquals("3", ready.getString("schemaVersion"));
      assertEquals(0, ready.getInteger("migrationsApplied"));
      Sql sql = new Sql(database);
      assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
      assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
    }
  }

  private static JsonObject skipping(TestDatabase database) {
    return Agents.settings(database).put("MCPGATEWAY_SKIP_MIGRATIONS", "true");
  }

  private static FluentConfiguration flyway(TestDatabase database) {
    return Flyway.configure()
        .dataSource(database.url().jdbcUrl(), database.url().user(), database.url().password())
        .jdbcProperties(database.url().jdbcProperties())
        .locations("classpath:db/migration/" + database.url().vendor().name())
        .table(MigrationSource.HISTORY_TABLE);
  }
}
