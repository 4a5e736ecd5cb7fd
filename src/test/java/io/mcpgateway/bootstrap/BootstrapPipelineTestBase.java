package io.mcpgateway.bootstrap;

import static io.mcpgateway.bootstrap.support.Sql.truthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.readiness.ReadinessEvents;
import io.mcpgateway.bootstrap.schema.CurrentSchema;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Every pipeline behaviour, written once and run against each database by a thin subclass that
 * only says how to get a fresh database of its kind. Assertions read real rows back over JDBC.
 */
@ExtendWith(VertxExtension.class)
abstract class BootstrapPipelineTestBase {

  static final String ADMIN = "admin@example.com";
  static final List<String> RESOURCE_TABLES = List.of("servers", "tools", "resources", "prompts", "gateways", "a2a_agents");

  TestDatabase database;
  Sql sql;

  protected abstract TestDatabase newDatabase() throws Exception;

  @BeforeEach
  void createDatabase() throws Exception {
    database = newDatabase();
    sql = new Sql(database);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) { // null when the kind's tests were skipped
      database.close();
    }
  }

  JsonObject settings() {
    return Agents.settings(database);
  }

  @Test
  void freshDatabaseBecomesReady(Vertx vertx) throws Throwable {
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("ready", ready.getString("status"));
    assertEquals(database.url().kind().scheme(), ready.getString("kind"));
    assertEquals(CurrentSchema.NEWEST_VERSION, ready.getString("schemaVersion"));
    assertEquals("EMPTY", ready.getString("schemaBefore"));
    assertEquals(2, ready.getInteger("migrationsApplied"));
    for (String step : List.of("connect", "lock", "schema", "normalize", "admin", "roles", "orphans")) {
      assertNotNull(ready.getJsonObject("stepMillis").getLong(step), "timing of step " + step);
    }

    Map<String, Object> admin = sql.row("SELECT * FROM email_users WHERE email = ?", ADMIN);
    assertTrue(BCrypt.checkpw("s3cret-Passw0rd", (String) admin.get("password_hash")), "bcrypt hash verifies");
    assertEquals("bcrypt", admin.get("password_hash_type"));
    assertEquals("Platform Administrator", admin.get("full_name"));
    assertTrue(truthy(admin.get("is_admin")));
    assertTrue(truthy(admin.get("is_active")));
    assertTrue(truthy(admin.get("password_change_required")));
    assertNotNull(admin.get("email_verified_at"));
    assertNotNull(admin.get("password_changed_at"));

    Map<String, Object> team = sql.row("SELECT * FROM email_teams WHERE created_by = ?", ADMIN);
    assertEquals("Platform Administrator's Team", team.get("name"));
    assertEquals("platform-administrators-team", team.get("slug"));
    assertEquals("Personal workspace for " + ADMIN, team.get("description"));
    assertEquals("private", team.get("visibility"));
    assertTrue(truthy(team.get("is_personal")));
    assertEquals("owner", sql.single("SELECT role FROM email_team_members WHERE team_id = ? AND user_email = ?",
        team.get("id"), ADMIN));

    assertEquals(List.of("developer/team", "platform_admin/global", "team_admin/team", "viewer/team"),
        sql.rows("SELECT name, scope FROM roles WHERE is_system_role = TRUE ORDER BY name").stream()
            .map(r -> r.get("name") + "/" + r.get("scope")).toList());
    assertEquals("[\"*\"]", sql.single("SELECT permissions FROM roles WHERE name = 'platform_admin'"));
    Map<String, Object> grant = sql.row("SELECT ur.* FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
        + " WHERE r.name = 'platform_admin'");
    assertEquals(ADMIN, grant.get("user_email"));
    assertEquals("global", grant.get("scope"));
    assertEquals(null, grant.get("scope_id"));
    assertTrue(truthy(grant.get("is_active")));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles"));

    assertEquals(List.of("1", "2"), historyVersions());
  }

  @Test
  void orphansGoToTheAdminTeamAndBadVisibilityIsNormalized(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    String adminTeam = (String) sql.single("SELECT id FROM email_teams WHERE created_by = ? AND is_personal = TRUE", ADMIN);
    for (String table : RESOURCE_TABLES) {
      sql.update("INSERT INTO " + table + " (id, name) VALUES (?, ?)", table + "-orphan", "orphan");
      sql.update("INSERT INTO " + table + " (id, name, team_id, owner_email, visibility, federation_source)"
          + " VALUES (?, ?, ?, ?, ?, ?)", table + "-owned", "owned", "team-x", "dev@example.com", "private", "upstream");
    }
    sql.update("INSERT INTO tools (id, name, team_id, owner_email, visibility, federation_source)"
        + " VALUES ('tools-no-visibility', 'half', 'team-x', 'dev@example.com', NULL, '')");
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-1', 'Old', 'old', ?, 'team')", ADMIN);
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-2', 'Pub', 'pub', ?, 'public')", ADMIN);

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals(1, ready.getJsonObject("rowsChanged").getLong("normalize"));
    assertEquals(7, ready.getJsonObject("rowsChanged").getLong("orphans"));
    assertEquals("private", sql.single("SELECT visibility FROM email_teams WHERE id = 't-1'"));
    assertEquals("public", sql.single("SELECT visibility FROM email_teams WHERE id = 't-2'"));
    for (String table : RESOURCE_TABLES) {
      Map<String, Object> orphan = sql.row("SELECT * FROM " + table + " WHERE id = ?", table + "-orphan");
      assertEquals(adminTeam, orphan.get("team_id"), table);
      assertEquals(ADMIN, orphan.get("owner_email"), table);
      assertEquals("public", orphan.get("visibility"), table);
      assertEquals("mcpgateway-0.7.0-migration", orphan.get("federation_source"), table);
      Map<String, Object> owned = sql.row("SELECT * FROM " + table + " WHERE id = ?", table + "-owned");
      assertEquals(List.of("team-x", "dev@example.com", "private", "upstream"),
          List.of(owned.get("team_id"), owned.get("owner_email"), owned.get("visibility"), owned.get("federation_source")));
    }
    Map<String, Object> half = sql.row("SELECT * FROM tools WHERE id = 'tools-no-visibility'");
    assertEquals("team-x", half.get("team_id"), "a row that has a team keeps it");
    assertEquals("public", half.get("visibility"));
    assertEquals("mcpgateway-0.7.0-migration", half.get("federation_source"));
  }

  @Test
  void secondRunChangesNothing(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("INSERT INTO tools (id, name) VALUES ('t-orphan', 'orphan')");
    Agents.await(Agents.bootstrap(vertx, settings()));
    List<String> before = snapshot();

    JsonObject again = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals(before, snapshot());
    for (String step : again.getJsonObject("rowsChanged").fieldNames()) {
      assertEquals(0L, again.getJsonObject("rowsChanged").getLong(step), "rows changed by " + step);
    }
    assertEquals("VERSIONED", again.getString("schemaBefore"));
  }

  @Test
  void eachMissingPieceIsRestoredOnTheNextRun(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("DELETE FROM email_team_members");
    sql.update("DELETE FROM user_roles");
    sql.update("DELETE FROM roles WHERE name = 'viewer'");

    JsonObject again = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals(1L, again.getJsonObject("rowsChanged").getLong("admin"), again.encode());
    assertEquals(2L, again.getJsonObject("rowsChanged").getLong("roles"), again.encode());
    assertEquals("owner", sql.single("SELECT role FROM email_team_members WHERE user_email = ?", ADMIN));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles"));
    assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
  }

  @Test
  void migratesADatabaseAtAnEarlierVersion(Vertx vertx) throws Throwable {
    flyway().target("1").load().migrate();
    sql.update("INSERT INTO tools (id, name) VALUES ('t-old', 'from version 1')");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("VERSIONED", ready.getString("schemaBefore"));
    assertEquals(1, ready.getInteger("migrationsApplied"));
    assertEquals(List.of("1", "2"), historyVersions());
    assertEquals(ADMIN, sql.single("SELECT owner_email FROM tools WHERE id = 't-old'"));
  }

  @Test
  void baselinesAnUnversionedCurrentSchema(Vertx vertx) throws Throwable {
    flyway().load().migrate();
    sql.update("DROP TABLE " + CurrentSchema.HISTORY_TABLE);
    sql.update("INSERT INTO tools (id, name, display_name) VALUES ('t-kept', 'kept', 'Kept')");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("CURRENT_UNVERSIONED", ready.getString("schemaBefore"));
    assertEquals(0, ready.getInteger("migrationsApplied"));
    Map<String, Object> baseline = sql.row("SELECT version, type FROM " + CurrentSchema.HISTORY_TABLE);
    assertEquals(CurrentSchema.NEWEST_VERSION, baseline.get("version"));
    assertEquals("BASELINE", baseline.get("type"));
    assertEquals("Kept", sql.single("SELECT display_name FROM tools WHERE id = 't-kept'"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
  }

  @Test
  void refusesAnUnknownUnversionedSchemaAndChangesNothing(Vertx vertx) throws Exception {
    sql.update("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY, name VARCHAR(255))");
    Set<String> before = tables();

    Throwable failure = Agents.failureOf(Agents.deploy(vertx, settings()));

    BootstrapException error = (BootstrapException) failure;
    assertEquals(Reason.UNKNOWN_SCHEMA, error.reason());
    assertEquals("schema", error.step());
    assertTrue(error.getMessage().contains("nothing was changed"), error.getMessage());
    assertEquals(before, tables());
  }

  @Test
  void lockTimeoutFailsWithClearMessageAndPublishesFailure(Vertx vertx) throws Throwable {
    Promise<JsonObject> failedEvent = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(ReadinessEvents.FAILED, m -> failedEvent.tryComplete(m.body()));
    try (AutoCloseable held = database.holdMigrationLock()) {
      long started = System.nanoTime();
      Throwable failure = Agents.failureOf(Agents.deploy(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "1")));
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;

      BootstrapException error = (BootstrapException) failure;
      assertEquals(Reason.LOCK_TIMEOUT, error.reason());
      assertTrue(error.getMessage().contains("within 1 s"), error.getMessage());
      assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms before giving up");
      JsonObject event = Agents.await(failedEvent.future());
      assertEquals("failed", event.getString("status"));
      assertEquals("LOCK_TIMEOUT", event.getString("reason"));
      assertEquals("lock", event.getString("step"));
      assertTrue(tables().isEmpty(), "nothing created while the lock was held elsewhere");
    }
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));
    assertEquals("ready", ready.getString("status"), "a released lock can be taken again");
  }

  @Test
  void eightAgentsStartedTogetherMigrateOnce(Vertx vertx) throws Throwable {
    List<Future<JsonObject>> agents = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      agents.add(Agents.deploy(vertx, settings()).map(id -> new JsonObject().put("id", id)));
    }
    Agents.await(Future.all(agents));

    assertEquals(List.of("1", "2"), historyVersions());
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_teams"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_team_members"));
    assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles"));
  }

  @Test
  void failedStepLeavesNothingHalfWritten(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    Future<Long> failing = database.url().kind().migrationLock(vertx, database.url(), vertx.createSharedWorkerExecutor("t"))
        .withLock(java.time.Duration.ofSeconds(5), connection -> Transactions.inTransaction(connection, () ->
            connection.query("INSERT INTO tools (id, name) VALUES ('t-half', 'half')").execute()
                .compose(done -> connection.query("INSERT INTO no_such_table (id) VALUES (1)").execute())
                .map(done -> 1L)));

    assertNotNull(Agents.failureOf(failing));
    assertEquals(0, sql.count("SELECT COUNT(*) FROM tools WHERE id = 't-half'"));
  }

  @Test
  void emailAuthDisabledSkipsAdminRolesAndOrphans(Vertx vertx) throws Throwable {
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("EMAIL_AUTH_ENABLED", "false")));

    assertEquals(CurrentSchema.NEWEST_VERSION, ready.getString("schemaVersion"));
    assertEquals(0, sql.count("SELECT COUNT(*) FROM email_users"));
    assertEquals(0, sql.count("SELECT COUNT(*) FROM roles"));
  }

  @Test
  void adminPasswordChangeFollowsBothFlags(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings().put("ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP", "false")));

    assertFalse(truthy(sql.single("SELECT password_change_required FROM email_users WHERE email = ?", ADMIN)));
  }

  @Test
  void ourChecksumsAreTheOnesFlywayRecords(Vertx vertx) throws Throwable {
    flyway().load().migrate();

    Map<String, Object> recorded = new java.util.TreeMap<>();
    for (Map<String, Object> row : sql.rows("SELECT version, description, checksum FROM " + CurrentSchema.HISTORY_TABLE)) {
      recorded.put(String.valueOf(row.get("version")), row.get("description") + "/" + ((Number) row.get("checksum")).intValue());
    }
    Map<String, Object> ours = new java.util.TreeMap<>();
    io.mcpgateway.bootstrap.schema.BundledMigrations.of(database.url().kind())
        .forEach(m -> ours.put(m.version(), m.description() + "/" + m.checksum()));
    assertEquals(recorded, ours);
  }

  @Test
  void aReadyDatabaseTakesTheFastPathWithoutFlyway(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    try (LogCapture logs = new LogCapture()) {
      JsonObject again = Agents.await(Agents.bootstrap(vertx, settings()));

      assertEquals("VERSIONED", again.getString("schemaBefore"));
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Flyway not needed")), String.join("\n", logs.lines()));
    }
  }

  @Test
  void aChangedMigrationLeavesTheFastPathAndFlywayRefusesIt(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("UPDATE " + CurrentSchema.HISTORY_TABLE + " SET checksum = checksum + 1 WHERE version = '2'");

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().toLowerCase().contains("checksum"), error.getMessage());
  }

  @Test
  void aRenamedMigrationLeavesTheFastPathToo(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("UPDATE " + CurrentSchema.HISTORY_TABLE + " SET description = 'renamed' WHERE version = '2'");

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().toLowerCase().contains("description"), error.getMessage());
  }

  @Test
  void theEventLoopNeverBlocksForTenMilliseconds() throws Throwable {
    Vertx strict = Vertx.vertx(new io.vertx.core.VertxOptions()
        .setMaxEventLoopExecuteTime(10).setMaxEventLoopExecuteTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(2).setBlockedThreadCheckIntervalUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
    try (LogCapture blocked = new LogCapture("io.vertx.core.internal.threadchecker")) {
      Agents.await(Agents.bootstrap(strict, settings()));            // a new database: Flyway, bcrypt
      sql.update("INSERT INTO tools (id, name) VALUES ('t-orphan', 'orphan')");
      Agents.await(Agents.bootstrap(strict, settings()));            // the fast path, with an orphan

      List<String> eventLoopWarnings = blocked.lines().stream().filter(line -> line.contains("eventloop")).toList();
      assertTrue(eventLoopWarnings.isEmpty(), String.join("\n", eventLoopWarnings));
    } finally {
      Agents.await(strict.close());
    }
  }

  /** For server kinds: an unknown user is rejected with AUTH, and the password is in no message or log line. */
  void assertRejectedLoginKeepsThePasswordSecret(Vertx vertx) throws Exception {
    String password = "Pw-" + java.util.UUID.randomUUID();
    String url = database.url().kind().scheme() + "://nobody_" + Long.toHexString(System.nanoTime()) + ":"
        + password + "@" + database.url().hostAndPort() + "/" + database.url().database();
    try (LogCapture logs = new LogCapture()) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings().put("DATABASE_URL", url)));

      assertEquals(Reason.AUTH, error.reason(), error.getMessage());
      assertTrue(error.getMessage().contains("check the user and password"), error.getMessage());
      assertFalse(error.getMessage().contains(password));
      assertFalse(logs.lines().isEmpty());
      logs.lines().forEach(line -> assertFalse(line.contains(password), line));
    }
  }

  FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(database.url().jdbcUrl(), database.url().user(), database.url().password())
        .locations(database.url().kind().migrationLocation());
  }

  List<String> historyVersions() throws Exception {
    return sql.rows("SELECT version FROM " + CurrentSchema.HISTORY_TABLE + " WHERE success = ? ORDER BY installed_rank", true)
        .stream().map(r -> String.valueOf(r.get("version"))).toList();
  }

  Set<String> tables() throws Exception {
    try (Connection c = database.connect();
         var rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      Set<String> names = new TreeSet<>();
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase());
      }
      return names;
    }
  }

  /** Every row of every gateway table, as text: equal snapshots mean nothing changed. */
  List<String> snapshot() throws Exception {
    List<String> all = new ArrayList<>();
    for (String table : tables()) {
      if (!table.equals(CurrentSchema.HISTORY_TABLE)) {
        sql.rows("SELECT * FROM " + table + " ORDER BY id").forEach(row -> all.add(table + " " + row));
      }
    }
    return all;
  }
}
