package io.mcpgateway.bootstrap;

import static io.mcpgateway.bootstrap.support.Sql.truthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.schema.AdoptionSignature;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.EventLoopWatch;
import io.mcpgateway.bootstrap.support.FailingStep;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.WidgetStep;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Every pipeline behaviour, written once and run against each database by a thin subclass that
 * only says how to get a fresh database of its vendor. Assertions read real rows back over JDBC.
 */
@ExtendWith(VertxExtension.class)
abstract class BootstrapPipelineTestBase {

  static final String ADMIN = "admin@example.com";
  static final List<String> RESOURCE_TABLES = List.of("servers", "tools", "resources", "prompts", "gateways", "a2a_agents");
  static final String HISTORY = MigrationSource.HISTORY_TABLE;
  static final String NEWEST_BUNDLED = "3";

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
    if (database != null) { // null when the vendor's tests were skipped
      database.close();
    }
  }

  JsonObject settings() {
    return Agents.settings(database);
  }

  String vendor() {
    return database.url().vendor().name();
  }

  @Test
  void freshDatabaseBecomesReady(Vertx vertx) throws Throwable {
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("ready", ready.getString("status"));
    assertEquals(vendor(), ready.getString("kind"));
    assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"));
    assertEquals("EMPTY", ready.getString("schemaBefore"));
    assertEquals(3, ready.getInteger("migrationsApplied"));
    assertEquals(List.of("connect", "lock", "schema", "normalize", "admin", "roles", "orphans"),
        List.copyOf(ready.getJsonObject("stepMillis").fieldNames()));

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

    assertEquals(List.of("1", "2", "3"), historyVersions());
  }

  @Test
  void orphansGoToTheAdminTeamAndBadVisibilityIsNormalized(Vertx vertx) throws Throwable {
    String adminTeam = adminTeamAfterAFirstRun(vertx);
    for (String table : RESOURCE_TABLES) {
      sql.update("INSERT INTO " + table + " (id, name) VALUES (?, ?)", table + "-orphan", "orphan");
      sql.update("INSERT INTO " + table + " (id, name, team_id, owner_email, visibility, federation_source)"
          + " VALUES (?, ?, ?, ?, ?, ?)", table + "-owned", "owned", "team-x", "dev@example.com", "private", "upstream");
    }
    sql.update("INSERT INTO tools (id, name, team_id, owner_email, visibility, federation_source)"
        + " VALUES ('tools-no-visibility', 'half', 'team-x', 'dev@example.com', NULL, '')");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals(7, ready.getJsonObject("rowsChanged").getLong("orphans"));
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

  /** Where no check forbids it (a schema without the bundled V3), team visibility outside (private, public) is normalized. */
  @Test
  void badTeamVisibilityIsNormalizedWhereNoCheckForbidsIt(Vertx vertx, @TempDir Path folder) throws Throwable {
    Path versionTwo = Files.createDirectories(folder.resolve(vendor()));
    for (String file : List.of("V1__core_tables.sql", "V2__display_names_and_oauth.sql")) {
      try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/" + vendor() + "/" + file)) {
        Files.copy(in, versionTwo.resolve(file));
      }
    }
    // Without V3's columns the orphans step has nothing to read: only the normalize step runs.
    JsonObject atVersionTwo = settings().put("MIGRATION_LOCATIONS", "filesystem:" + folder + "/{vendor}")
        .put("EMAIL_AUTH_ENABLED", "false");
    Agents.await(Agents.bootstrap(vertx, atVersionTwo));
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-1', 'Old', 'old', ?, 'team')", ADMIN);
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-2', 'Pub', 'pub', ?, 'public')", ADMIN);
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-3', 'None', 'none', ?, NULL)", ADMIN);

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, atVersionTwo));
    assertEquals("2", ready.getString("schemaVersion"));

    assertEquals(2, ready.getJsonObject("rowsChanged").getLong("normalize"));
    assertEquals("private", sql.single("SELECT visibility FROM email_teams WHERE id = 't-1'"));
    assertEquals("public", sql.single("SELECT visibility FROM email_teams WHERE id = 't-2'"));
    assertEquals("private", sql.single("SELECT visibility FROM email_teams WHERE id = 't-3'"));
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

  /** Each step decides after the steps before it ran: the roles step sees the admin the admin step just made. */
  @Test
  void aNewAdminGetsItsGrantInTheSameRun(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    String newAdmin = "root@example.org";

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("PLATFORM_ADMIN_EMAIL", newAdmin)));

    assertEquals(3L, ready.getJsonObject("rowsChanged").getLong("admin"), ready.encode());
    assertEquals(1L, ready.getJsonObject("rowsChanged").getLong("roles"), ready.encode());
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
        + " WHERE r.name = 'platform_admin' AND ur.user_email = ?", newAdmin));
    JsonObject third = Agents.await(Agents.bootstrap(vertx, settings().put("PLATFORM_ADMIN_EMAIL", newAdmin)));
    assertEquals(0L, third.getJsonObject("rowsChanged").getLong("roles"), "nothing was left for a later run");
  }

  /** A failed run reports the steps that ran and the one that failed, nothing after it, in the event and the timers. */
  @Test
  void aFailedStepReportsOnlyWhatRan(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("DROP TABLE user_roles"); // the roles step's read fails
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Future<JsonObject> failedEvent = Agents.failedEvent(vertx);

    BootstrapException error = (BootstrapException) Agents.failureOf(
        Agents.deploy(vertx, BootstrapVerticle.builder().meterRegistry(registry).build(), settings()));

    assertEquals(Reason.STEP_FAILED, error.reason());
    assertEquals("roles", error.step());
    JsonObject failed = Agents.await(failedEvent);
    assertEquals(List.of("connect", "lock", "schema", "normalize", "admin", "roles"),
        List.copyOf(failed.getJsonObject("stepMillis").fieldNames()), failed.encode());
    assertEquals(1, registry.find("db.bootstrap.step").tags("step", "roles", "outcome", "failure").timers().size());
    assertTrue(registry.find("db.bootstrap.step").tags("step", "orphans").timers().isEmpty(), "orphans never ran");
    assertTrue(registry.find("db.bootstrap.step").tags("step", "roles", "outcome", "success").timers().isEmpty());
  }

  @Test
  void migratesADatabaseAtAnEarlierVersion(Vertx vertx) throws Throwable {
    flyway().target("1").load().migrate();
    sql.update("INSERT INTO tools (id, name) VALUES ('t-old', 'from version 1')");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("VERSIONED", ready.getString("schemaBefore"));
    assertEquals(2, ready.getInteger("migrationsApplied"));
    assertEquals(List.of("1", "2", "3"), historyVersions());
    assertEquals(ADMIN, sql.single("SELECT owner_email FROM tools WHERE id = 't-old'"));
  }

  @Test
  void baselinesAnUnversionedCurrentSchema(Vertx vertx) throws Throwable {
    flyway().load().migrate();
    sql.update("DROP TABLE " + HISTORY);
    sql.update("INSERT INTO tools (id, name, display_name) VALUES ('t-kept', 'kept', 'Kept')");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("CURRENT_UNVERSIONED", ready.getString("schemaBefore"));
    assertEquals(0, ready.getInteger("migrationsApplied"));
    Map<String, Object> baseline = sql.row("SELECT version, type FROM " + HISTORY);
    assertEquals(NEWEST_BUNDLED, baseline.get("version"));
    assertEquals("BASELINE", baseline.get("type"));
    assertEquals("Kept", sql.single("SELECT display_name FROM tools WHERE id = 't-kept'"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
  }

  /** A database made by an older tool at version 2 is baselined there, then migrated to 3. */
  @Test
  void baselinesAnUnversionedVersionTwoSchemaThenMigratesIt(Vertx vertx) throws Throwable {
    flyway().target("2").load().migrate();
    sql.update("DROP TABLE " + HISTORY);

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals("CURRENT_UNVERSIONED", ready.getString("schemaBefore"));
    assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"));
    assertEquals(1, ready.getInteger("migrationsApplied"));
    assertEquals(List.of("2", "3"), sql.rows("SELECT version FROM " + HISTORY + " ORDER BY installed_rank").stream()
        .map(r -> String.valueOf(r.get("version"))).toList());
  }

  /** Rows that already break a key V3 adds stop it before any DDL, named; nothing changes. */
  @Test
  void v3RefusesRowsThatAlreadyBreakItsKeysAndNamesThem(Vertx vertx) throws Throwable {
    flyway().target("2").load().migrate();
    sql.update("INSERT INTO prompts (id, name, team_id, owner_email, visibility) VALUES ('p1', 'greet', 'team-x', 'dev@example.com', 'public')");
    sql.update("INSERT INTO prompts (id, name, team_id, owner_email, visibility) VALUES ('p2', 'greet', 'team-x', 'dev@example.com', 'public')");
    sql.update("INSERT INTO email_teams (id, name, slug, created_by, visibility) VALUES ('t-1', 'Old', 'old', ?, 'team')", ADMIN);
    List<String> before = snapshot();

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().contains("uq_team_owner_name_prompt_local team-x/dev@example.com/greet (rows p1,p2)"),
        error.getMessage());
    assertTrue(error.getMessage().contains("nothing was changed"), error.getMessage());
    assertEquals(List.of("1", "2"), historyVersions());
    assertEquals(before, snapshot());
    sql.update("UPDATE prompts SET name = 'greet-2' WHERE id = 'p2'");
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));
    assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"), "once the rows are resolved, V3 applies");
    assertEquals("private", sql.single("SELECT visibility FROM email_teams WHERE id = 't-1'"));
  }

  /** On the agent's own schema too: no orphan takes a key another row holds, nor one a first orphan takes. */
  @Test
  void orphansThatWouldBreakAKeyAreLeftAloneCountedAndMetered(Vertx vertx) throws Throwable {
    String team = adminTeamAfterAFirstRun(vertx);
    sql.update("INSERT INTO resources (id, name, uri, team_id, owner_email, visibility) VALUES ('r-kept', 'kept', 'doc://a', ?, ?, 'public')",
        team, ADMIN);
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o1', 'taken', 'doc://a')");
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o2', 'first', 'doc://b')");
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o3', 'second', 'doc://b')");
    sql.update("INSERT INTO resources (id, name) VALUES ('r-o4', 'no uri')");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    JsonObject ready;
    try (LogCapture logs = new LogCapture()) {
      ready = Agents.await(Agents.bootstrap(vertx, BootstrapVerticle.builder().meterRegistry(registry).build(), settings()));
      assertEquals(1, logs.lines().stream().filter(line -> line.contains("Left 2 orphaned resources alone")
          && line.contains("(first: r-o1, r-o3)")).count(), String.join("\n", logs.lines()));
    }

    assertEquals(2L, ready.getJsonObject("rowsChanged").getLong("orphans"));
    assertEquals(2L, ready.getJsonObject("rowsSkipped").getJsonObject("orphans").getLong("resources"), ready.encode());
    assertEquals(2.0, registry.get("db.bootstrap.rows.skipped").tags("step", "orphans", "table", "resources").counter().count());
    List<Object> teams = new ArrayList<>();
    for (String id : List.of("r-o1", "r-o2", "r-o3", "r-o4")) {
      teams.add(sql.single("SELECT team_id FROM resources WHERE id = ?", id));
    }
    assertEquals(Arrays.asList(null, team, null, team), teams, "taken, first, its duplicate, no key");
  }

  /**
   * A run decides the orphans step from a cheap bound where the bound decides, and from the exact
   * count where it does not: orphans that are all left alone need no lock, one more adoptable
   * orphan does, and the plan's exact count agrees each time.
   */
  @Test
  void onlyOrphansLeftAloneNeedNoLockButOneAdoptableOrphanDoes(Vertx vertx) throws Throwable {
    String team = adminTeamAfterAFirstRun(vertx);
    sql.update("INSERT INTO prompts (id, name, team_id, owner_email, visibility) VALUES ('p-kept', 'greet', ?, ?, 'public')",
        team, ADMIN);
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o1', 'greet')");
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o2', 'dup')");
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o3', 'dup')");
    assertEquals(1L, Agents.await(Agents.bootstrap(vertx, settings())).getJsonObject("rowsChanged").getLong("orphans"));

    JsonObject leftAlone = Agents.await(Agents.bootstrap(vertx, settings()));
    assertFalse(leftAlone.getBoolean("lockTaken"), "two orphans left alone, as many movers with a key: " + leftAlone.encode());
    assertEquals(0L, orphansToChange(vertx));

    sql.update("INSERT INTO tools (id, name, team_id, owner_email) VALUES ('t-o1', 'no visibility', ?, ?)", team, ADMIN);
    assertEquals(1L, orphansToChange(vertx), "three orphans, two movers with a key");
    JsonObject adopted = Agents.await(Agents.bootstrap(vertx, settings()));
    assertTrue(adopted.getBoolean("lockTaken"), adopted.encode());
    assertEquals(1L, adopted.getJsonObject("rowsChanged").getLong("orphans"), adopted.encode());
    assertEquals("public", sql.single("SELECT visibility FROM tools WHERE id = 't-o1'"));
  }

  /**
   * Of orphans that would take the same key, one wins by a fixed rule: the lowest id on the servers
   * (whichever row the server stored first), the first inserted on SQLite (as the README says).
   */
  @Test
  void aContestedKeyGoesToTheLowestIdOnServersAndTheFirstInsertedOnSqlite(Vertx vertx) throws Throwable {
    String team = adminTeamAfterAFirstRun(vertx);
    for (String id : List.of("p-5", "p-1", "p-9")) {
      sql.update("INSERT INTO prompts (id, name) VALUES (?, 'dup')", id);
    }

    Agents.await(Agents.bootstrap(vertx, settings()));

    String winner = vendor().equals("sqlite") ? "p-5" : "p-1";
    for (String id : List.of("p-1", "p-5", "p-9")) {
      assertEquals(id.equals(winner) ? team : null, sql.single("SELECT team_id FROM prompts WHERE id = ?", id), id);
    }
  }

  /**
   * A new admin has no team before the run makes one: the orphans wait for it, with no warning that
   * they are left as they are, and go to the new admin's team in the same run.
   */
  @Test
  void orphansWaitingForANewAdminsTeamGoToItWithoutAWarning(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("INSERT INTO tools (id, name) VALUES ('t-o1', 'orphan')");
    String newAdmin = "new-admin@example.com";

    JsonObject ready;
    try (LogCapture logs = new LogCapture()) {
      ready = Agents.await(Agents.bootstrap(vertx, settings().put("PLATFORM_ADMIN_EMAIL", newAdmin)));
      assertEquals(List.of(), logs.lines().stream().filter(line -> line.contains("no personal team")).toList());
    }

    assertEquals(1L, ready.getJsonObject("rowsChanged").getLong("orphans"), ready.encode());
    assertEquals(sql.single("SELECT id FROM email_teams WHERE created_by = ? AND is_personal = TRUE", newAdmin),
        sql.single("SELECT team_id FROM tools WHERE id = 't-o1'"));
  }

  private long orphansToChange(Vertx vertx) throws Throwable {
    return Agents.await(new BootstrapVerticle().plan(vertx, settings())).steps().stream()
        .filter(decision -> decision.step().equals("orphans")).findFirst().orElseThrow().pendingRows();
  }

  /** A first run, then the id of the admin's personal team. */
  private String adminTeamAfterAFirstRun(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    return (String) sql.single("SELECT id FROM email_teams WHERE created_by = ? AND is_personal = TRUE", ADMIN);
  }

  /** The user who holds the active global platform_admin grant is an admin after every run. */
  @Test
  void theHolderOfThePlatformAdminGrantIsMarkedAdmin(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("UPDATE email_users SET is_admin = FALSE");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));

    assertEquals(1L, ready.getJsonObject("rowsChanged").getLong("roles"), ready.encode());
    assertTrue(truthy(sql.single("SELECT is_admin FROM email_users WHERE email = ?", ADMIN)));
  }

  /** The roles file the upstream gateway ships (conf/roles/upstream-head.json): exactly its five roles. */
  @Test
  void rolesFromTheUpstreamFileAreExactlyItsFive(Vertx vertx) throws Throwable {
    JsonObject withFile = settings().put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED", "true")
        .put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE", "conf/roles/upstream-head.json");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, withFile));

    assertEquals(6L, ready.getJsonObject("rowsChanged").getLong("roles"), "five roles and the grant");
    JsonArray expected = new JsonArray(Files.readString(Path.of("conf/roles/upstream-head.json")));
    Map<String, String> stored = new TreeMap<>();
    for (Map<String, Object> role : sql.rows("SELECT name, scope, permissions FROM roles")) {
      stored.put(role.get("name") + "/" + role.get("scope"), new JsonArray(String.valueOf(role.get("permissions"))).encode());
    }
    Map<String, String> wanted = new TreeMap<>();
    expected.forEach(role -> wanted.put(((JsonObject) role).getString("name") + "/" + ((JsonObject) role).getString("scope"),
        ((JsonObject) role).getJsonArray("permissions").encode()));
    assertEquals(wanted, stored);
  }

  /** Roles are created where absent and never rewritten: the file's definition does not replace a stored role. */
  @Test
  void aRoleTheDatabaseHasIsNeverRewritten(Vertx vertx, @TempDir Path folder) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    Path file = Files.writeString(folder.resolve("roles.json"), "[{\"name\": \"viewer\", \"scope\": \"team\", \"permissions\": [\"*\"]},"
        + " {\"name\": \"auditor\", \"scope\": \"global\", \"permissions\": [\"admin.audit\"], \"is_system_role\": true}]");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED", "on")
        .put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE", file.toString())));

    assertEquals(1L, ready.getJsonObject("rowsChanged").getLong("roles"));
    assertEquals("[\"admin.audit\"]", sql.single("SELECT permissions FROM roles WHERE name = 'auditor'").toString().replace(" ", ""));
    assertFalse(String.valueOf(sql.single("SELECT permissions FROM roles WHERE name = 'viewer'")).contains("*"));
  }

  @Test
  void refusesAnUnknownUnversionedSchemaAndChangesNothing(Vertx vertx) throws Exception {
    sql.update("CREATE TABLE gateways (id VARCHAR(36) PRIMARY KEY, name VARCHAR(255))");
    Set<String> before = tables();

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.UNKNOWN_SCHEMA, error.reason());
    assertEquals("schema", error.step());
    assertTrue(error.getMessage().contains("nothing was changed"), error.getMessage());
    assertTrue(error.getMessage().contains("tools.display_name"), "names what it looked for: " + error.getMessage());
    assertEquals(before, tables());
  }

  @Test
  void withoutAnAdoptionSignatureEvenTheCurrentSchemaIsRefused(Vertx vertx) throws Throwable {
    flyway().load().migrate();
    sql.update("DROP TABLE " + HISTORY);

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
        BootstrapVerticle.builder().adoption(AdoptionSignature.NONE).build(), settings()));

    assertEquals(Reason.UNKNOWN_SCHEMA, error.reason());
    assertTrue(error.getMessage().contains("no adoption signature"), error.getMessage());
  }

  @Test
  void lockTimeoutFailsWithClearMessageAndPublishesFailure(Vertx vertx) throws Throwable {
    Future<JsonObject> failedEvent = Agents.failedEvent(vertx);
    try (AutoCloseable held = database.holdMigrationLock()) {
      long started = System.nanoTime();
      Throwable failure = Agents.failureOf(Agents.deploy(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "1")));
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;

      BootstrapException error = (BootstrapException) failure;
      assertEquals(Reason.LOCK_TIMEOUT, error.reason());
      assertTrue(error.getMessage().contains("within 1 s"), error.getMessage());
      assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms before giving up");
      JsonObject event = Agents.await(failedEvent);
      assertEquals("failed", event.getString("status"));
      assertEquals("LOCK_TIMEOUT", event.getString("reason"));
      assertEquals("lock", event.getString("step"));
      assertEquals(List.of("connect", "lock"), List.copyOf(event.getJsonObject("stepMillis").fieldNames()));
      assertTrue(tables().isEmpty(), "nothing created while the lock was held elsewhere");
    }
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()));
    assertEquals("ready", ready.getString("status"), "a released lock can be taken again");
  }

  @Test
  void eightAgentsStartedTogetherMigrateOnce(Vertx vertx) throws Throwable {
    List<Future<String>> agents = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      agents.add(Agents.deploy(vertx, settings()));
    }
    Agents.await(Future.all(agents));

    assertEquals(List.of("1", "2", "3"), historyVersions());
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_teams"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM email_team_members"));
    assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles"));
  }

  @Test
  void aGatewayStepThatFailsLeavesNothingHalfWrittenAndTheLockFree(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    for (boolean throwsInstead : List.of(false, true)) {
      BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx,
          BootstrapVerticle.builder().step(new FailingStep(throwsInstead)).build(), settings()));

      assertEquals(Reason.STEP_FAILED, error.reason());
      assertEquals("failing", error.step());
      assertTrue(error.getMessage().contains("the gateway's step"), error.getMessage());
      assertEquals(0, sql.count("SELECT COUNT(*) FROM tools WHERE id = ?", FailingStep.ROW_ID), "throws=" + throwsInstead);
    }
    assertEquals("ready", Agents.await(Agents.bootstrap(vertx, settings().put("MIGRATION_LOCK_TIMEOUT", "5")))
        .getString("status"), "the lock was released");
  }

  @Test
  void aGatewaysMigrationAndStepRunAfterTheBundledOnesThenTheFastPath(Vertx vertx) throws Throwable {
    BootstrapVerticle.Builder gateway = BootstrapVerticle.builder()
        .migrations(MigrationSource.BUNDLED_LOCATION, WidgetStep.LOCATION).step(new WidgetStep());

    JsonObject first = Agents.await(Agents.bootstrap(vertx, gateway.build(), settings()));

    assertEquals(NEWEST_BUNDLED, first.getString("schemaVersion"));
    assertEquals(4, first.getInteger("migrationsApplied"));
    assertEquals(List.of("1", "2", "2.1", "3"), historyVersions(), "the gateway's 2.1 sorts before the bundled 3");
    assertEquals("widgets", List.copyOf(first.getJsonObject("stepMillis").fieldNames()).get(7), first.encode());
    assertEquals(1L, first.getJsonObject("rowsChanged").getLong("widgets"));
    assertEquals(ADMIN, sql.single("SELECT owner_email FROM widgets WHERE id = 'w-default'"));

    try (LogCapture logs = new LogCapture()) {
      JsonObject second = Agents.await(Agents.bootstrap(vertx, gateway.build(), settings()));

      assertEquals(NEWEST_BUNDLED, second.getString("schemaVersion"));
      assertEquals(0L, second.getJsonObject("rowsChanged").getLong("widgets"));
      assertFalse(second.getBoolean("lockTaken"), second.encode());
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("the migration lock was not needed")), String.join("\n", logs.lines()));
    }
  }

  /** The fast path is taken only when our checksums and descriptions are the ones Flyway records. */
  @Test
  void afterFlywayItselfMigratedTheAgentTakesTheFastPath(Vertx vertx, @TempDir Path folder) throws Throwable {
    Path gatewayFolder = copyGatewayMigration(folder);
    flyway().locations("classpath:db/migration/" + vendor(), "filesystem:" + gatewayFolder).load().migrate();

    try (LogCapture logs = new LogCapture()) {
      JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings()
          .put("MIGRATION_LOCATIONS", MigrationSource.BUNDLED_LOCATION + ", filesystem:" + folder + "/{vendor}")));

      assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"));
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Flyway not needed")), String.join("\n", logs.lines()));
    }
  }

  @Test
  void aChangedGatewayMigrationLeavesTheFastPathAndFlywayRefusesIt(Vertx vertx, @TempDir Path folder) throws Throwable {
    Path migration = copyGatewayMigration(folder).resolve("V2_1__widgets.sql");
    JsonObject withGateway = settings().put("MIGRATION_LOCATIONS", MigrationSource.BUNDLED_LOCATION + ",filesystem:" + folder + "/{vendor}");
    Agents.await(Agents.bootstrap(vertx, withGateway));
    Files.writeString(migration, Files.readString(migration) + "\n-- edited after it shipped\n");

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, withGateway));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().toLowerCase().contains("checksum"), error.getMessage());
  }

  @Test
  void aGatewaySignatureAdoptsItsOwnUnversionedSchema(Vertx vertx) throws Throwable {
    flyway().locations("classpath:db/migration/" + vendor(), "classpath:gateway-migrations/" + vendor()).target("2.1").load().migrate();
    sql.update("DROP TABLE " + HISTORY);
    BootstrapVerticle gateway = BootstrapVerticle.builder().migrations(MigrationSource.BUNDLED_LOCATION, WidgetStep.LOCATION)
        .adoption(AdoptionSignature.of("2.1", "widgets.colour", "tools.display_name")).build();

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, gateway, settings()));

    assertEquals("CURRENT_UNVERSIONED", ready.getString("schemaBefore"));
    assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"), "baselined at 2.1, then the bundled 3");
    assertEquals(1, ready.getInteger("migrationsApplied"));
  }

  @Test
  void emailAuthDisabledSkipsAdminRolesAndOrphans(Vertx vertx) throws Throwable {
    JsonObject ready = Agents.await(Agents.bootstrap(vertx, settings().put("EMAIL_AUTH_ENABLED", "false")));

    assertEquals(NEWEST_BUNDLED, ready.getString("schemaVersion"));
    assertEquals(0, sql.count("SELECT COUNT(*) FROM email_users"));
    assertEquals(0, sql.count("SELECT COUNT(*) FROM roles"));
  }

  @Test
  void adminPasswordChangeFollowsBothFlags(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings().put("ADMIN_REQUIRE_PASSWORD_CHANGE_ON_BOOTSTRAP", "false")));

    assertFalse(truthy(sql.single("SELECT password_change_required FROM email_users WHERE email = ?", ADMIN)));
  }

  @Test
  void aReadyDatabaseTakesTheFastPathWithoutFlyway(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    try (LogCapture logs = new LogCapture()) {
      JsonObject again = Agents.await(Agents.bootstrap(vertx, settings()));

      assertEquals("VERSIONED", again.getString("schemaBefore"));
      assertFalse(again.getBoolean("lockTaken"), again.encode());
      assertFalse(again.getJsonObject("stepMillis").containsKey("lock"), again.encode());
      assertTrue(logs.lines().stream().anyMatch(line -> line.contains("the migration lock was not needed")), String.join("\n", logs.lines()));
      assertFalse(logs.lines().stream().anyMatch(line -> line.contains("Acquired migration lock")), String.join("\n", logs.lines()));
    }
  }

  /**
   * Nothing is left open on the server (or of the file) once the agent is undeployed, whether it
   * migrated or found the database ready (a ready database is reported before its connection has
   * closed).
   */
  @Test
  void anUndeployedAgentLeavesNothingOpen(Vertx vertx) throws Throwable {
    assumeTrue(database.otherSessions().isPresent(), "this system does not show a process's open files");
    for (String run : List.of("migrating", "finding it ready")) {
      String id = Agents.await(Agents.deploy(vertx, settings()));
      Agents.await(vertx.undeploy(id));

      assertEquals(0, sessionsOnceSettled(), "sessions or open files left after " + run);
    }
  }

  /** A session its client has closed may show on the server for a moment, until the server ends it. */
  private long sessionsOnceSettled() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long sessions = database.otherSessions().getAsLong();
    while (sessions > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      sessions = database.otherSessions().getAsLong();
    }
    return sessions;
  }

  @Test
  void aChangedMigrationLeavesTheFastPathAndFlywayRefusesIt(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("UPDATE " + HISTORY + " SET checksum = checksum + 1 WHERE version = '2'");

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().toLowerCase().contains("checksum"), error.getMessage());
  }

  @Test
  void aRenamedMigrationLeavesTheFastPathToo(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, settings()));
    sql.update("UPDATE " + HISTORY + " SET description = 'renamed' WHERE version = '2'");

    BootstrapException error = (BootstrapException) Agents.failureOf(Agents.deploy(vertx, settings()));

    assertEquals(Reason.MIGRATION_FAILED, error.reason());
    assertTrue(error.getMessage().toLowerCase().contains("description"), error.getMessage());
  }

  /**
   * The guard is {@link EventLoopWatch}, which its own test sees failing on a deliberate block. It
   * judges a warm JVM: a cold one loads and initializes thousands of classes on whichever thread
   * first needs them, the event loop included, once per JVM; what the guard must catch is what
   * blocks at every run (blocking I/O, a lock, a sleep, a thread start, a heavy computation). So a
   * block must show in two rounds on fresh databases to fail the test: what our code does, it does
   * at every run, while a busy machine's stalls (the host taking the CPU away) do not repeat.
   */
  @Test
  void theEventLoopNeverBlocksForTenMilliseconds(Vertx warmUp) throws Throwable {
    try (TestDatabase scratch = newDatabase()) {
      bootstrapNewThenWarm(warmUp, scratch);
    }
    List<String> firstRound;
    try (EventLoopWatch watch = new EventLoopWatch()) {
      bootstrapNewThenWarm(watch.vertx(), database);
      firstRound = watch.eventLoopBlocks();
    }
    if (!firstRound.isEmpty()) {
      try (TestDatabase again = newDatabase(); EventLoopWatch watch = new EventLoopWatch()) {
        bootstrapNewThenWarm(watch.vertx(), again);
        assertEquals(List.of(), watch.eventLoopBlocks(), "blocked in both rounds; the first round: " + firstRound);
      }
    }
  }

  /** A new database (Flyway, bcrypt), then the fast path with an orphan to adopt. */
  private static void bootstrapNewThenWarm(Vertx vertx, TestDatabase target) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, Agents.settings(target)));
    new Sql(target).update("INSERT INTO tools (id, name) VALUES ('t-orphan', 'orphan')");
    Agents.await(Agents.bootstrap(vertx, Agents.settings(target)));
  }

  /** For server vendors: an unknown user is rejected with AUTH, and the password is in no message or log line. */
  void assertRejectedLoginKeepsThePasswordSecret(Vertx vertx) throws Exception {
    String password = "Pw-" + java.util.UUID.randomUUID();
    String url = vendor() + "://nobody_" + Long.toHexString(System.nanoTime()) + ":"
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
        .jdbcProperties(database.url().jdbcProperties())
        .locations("classpath:db/migration/" + vendor());
  }

  /** The test gateway's migration, copied to {@code folder/<vendor>/}; returns that folder. */
  Path copyGatewayMigration(Path folder) throws Exception {
    Path target = Files.createDirectories(folder.resolve(vendor()));
    try (var in = getClass().getClassLoader().getResourceAsStream("gateway-migrations/" + vendor() + "/V2_1__widgets.sql")) {
      Files.copy(in, target.resolve("V2_1__widgets.sql"));
    }
    return target;
  }

  List<String> historyVersions() throws Exception {
    return sql.rows("SELECT version FROM " + HISTORY + " WHERE success = ? ORDER BY installed_rank", true)
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
      if (!table.equals(HISTORY)) {
        sql.rows("SELECT * FROM " + table + " ORDER BY id").forEach(row -> all.add(table + " " + row));
      }
    }
    return all;
  }
}
