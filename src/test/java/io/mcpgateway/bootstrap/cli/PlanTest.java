package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --check} and {@code --plan} on real databases: what they print and exit with, and that
 * they read only (no row, no history, no lock, no file).
 */
class PlanTest {


  /** What Main printed on stdout, and its exit code. */
  private record Printed(int code, String out) {
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void onAnEmptyDatabaseThePlanIsToCreateTheSchemaAndNothingIsWritten(String vendor) throws Exception {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      Printed plan = main(database, "--plan");
      Printed json = main(database, "--plan", "--json");
      Printed check = main(database, "--check");

      assertEquals(1, plan.code(), plan.out());
      assertTrue(plan.out().contains("schema: empty: create it at version 3 with 3 migrations:"), plan.out());
      assertTrue(plan.out().contains("    3        upstream unique keys"), plan.out());
      assertTrue(plan.out().contains("steps: decided after the migrations"), plan.out());
      assertTrue(plan.out().endsWith("Work is pending: a run would change the database.\n"), plan.out());
      JsonObject body = new JsonObject(json.out());
      assertEquals(1, json.code());
      assertEquals("create", body.getJsonObject("schema").getString("decision"));
      assertEquals(3, body.getJsonObject("schema").getJsonArray("pending").size());
      assertTrue(body.getBoolean("workPending"));
      assertEquals(1, check.code());
      assertTrue(check.out().startsWith("check: work pending: schema an empty database"), check.out());
      if (database.url().file() != null) {
        assertFalse(Files.exists(database.url().file()), "the database file was not created");
      } else {
        assertEquals(0, tables(database), "nothing was created");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aPartlyMigratedDatabaseListsEachPendingMigrationAndExitsOne(String vendor) throws Exception {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      flyway(database).target("2").load().migrate();

      Printed json = main(database, "--plan", "--json");

      JsonObject schema = new JsonObject(json.out()).getJsonObject("schema");
      assertEquals(1, json.code(), json.out());
      assertEquals("migrate", schema.getString("decision"));
      assertEquals("2", schema.getString("from"));
      assertEquals("3", schema.getString("to"));
      assertEquals(new JsonArray().add(new JsonObject().put("version", "3").put("description", "upstream unique keys")),
          schema.getJsonArray("pending"));
      assertEquals(2, new Sql(database).count("SELECT COUNT(*) FROM " + MigrationSource.HISTORY_TABLE), "nothing migrated");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aReadyDatabaseChecksZeroAndEachStepsRowsAreCounted(String vendor) throws Exception {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      assertEquals(0, Main.run(new String[0], environment(database)));

      Printed ready = main(database, "--check");
      assertEquals(0, ready.code(), ready.out());
      assertEquals("check: ready: schema current at version 3; no step has work\n", ready.out());

      Sql sql = new Sql(database);
      sql.update("INSERT INTO tools (id, name) VALUES ('t-orphan-1', 'one'), ('t-orphan-2', 'two')");
      Printed plan = main(database, "--plan");
      Printed json = main(database, "--plan", "--json");

      assertEquals(1, plan.code(), plan.out());
      assertTrue(plan.out().contains("schema: current at version 3"), plan.out());
      assertTrue(plan.out().matches("(?s).*\\n    orphans +2 rows to change\\n.*"), plan.out());
      assertTrue(plan.out().matches("(?s).*\\n    admin +nothing to do\\n.*"), plan.out());
      JsonArray steps = new JsonObject(json.out()).getJsonArray("steps");
      assertEquals(new JsonObject().put("step", "orphans").put("pendingRows", 2), steps.getJsonObject(steps.size() - 1));
      assertEquals(0, sql.count("SELECT COUNT(*) FROM tools WHERE team_id IS NOT NULL"), "the plan changed no row");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
  void aSchemaTheRunWouldRefuseIsNamedWithTheRunsExitCode(String vendor) throws Exception {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      new Sql(database).update("CREATE TABLE legacy_things (id VARCHAR(36) PRIMARY KEY)");

      Printed plan = main(database, "--plan");

      assertEquals(6, plan.code(), plan.out());
      assertTrue(plan.out().contains("schema: refuse:"), plan.out());
      assertTrue(plan.out().contains("is not a schema the agent knows"), plan.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void anUnreachableServerExitsThreeAtOnceWithoutRetrying(String vendor) throws Exception {
    try (TestDatabase database = TestDatabases.of(vendor)) {
      String url = vendor + "://u@127.0.0.1:1/" + database.url().database();
      long started = System.nanoTime();
      Printed check = run(Map.of("DATABASE_URL", url, "DB_RETRY_INTERVAL_MS", "5000"), "--check", "--json");

      assertEquals(3, check.code());
      assertEquals(3, new JsonObject(check.out()).getInteger("exitCode"));
      assertTrue((System.nanoTime() - started) / 1_000_000 < 4000, "no retry");
    }
  }

  private static Printed main(TestDatabase database, String... args) {
    return run(environment(database), args);
  }

  private static Map<String, String> environment(TestDatabase database) {
    return Map.of("DATABASE_URL", database.urlText(), "BCRYPT_COST", "4", "PLATFORM_ADMIN_PASSWORD", "s3cret-Passw0rd");
  }

  private static synchronized Printed run(Map<String, String> environment, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args, environment);
      // The tests' log lines go to stdout too (the command line sends them to stderr): leave them out.
      String out = captured.toString(StandardCharsets.UTF_8).replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*\\R", "");
      return new Printed(code, out);
    } finally {
      System.setOut(original);
    }
  }

  private static long tables(TestDatabase database) throws Exception {
    try (var connection = database.connect();
         var rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      long count = 0;
      while (rs.next()) {
        count++;
      }
      return count;
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase database) {
    return Flyway.configure()
        .dataSource(database.url().jdbcUrl(), database.url().user(), database.url().password())
        .jdbcProperties(database.url().jdbcProperties())
        .locations("classpath:db/migration/" + database.url().vendor().name())
        .table(MigrationSource.HISTORY_TABLE);
  }
}
