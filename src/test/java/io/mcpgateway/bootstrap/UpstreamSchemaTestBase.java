package io.mcpgateway.bootstrap;

import static io.mcpgateway.bootstrap.support.Sql.truthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.LogCapture;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline on a database the upstream gateway's own migrations built (its unique keys, partial
 * indexes, NOT NULL columns without defaults, and {@code alembic_version}): {@code upstream/<vendor>.sql}
 * in the test resources. Each database runs it through a thin subclass.
 */
@ExtendWith(VertxExtension.class)
abstract class UpstreamSchemaTestBase {

  static final String ADMIN = "admin@example.com";

  TestDatabase database;
  Sql sql;

  protected abstract TestDatabase newDatabase() throws Exception;

  @BeforeEach
  void createUpstreamDatabase() throws Exception {
    database = newDatabase();
    sql = new Sql(database);
    sql.script("upstream/" + database.url().vendor().name() + ".sql");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void adoptsTheUpstreamDatabaseAndMakesTheAdminRowsOnce(Vertx vertx) throws Throwable {
    try (LogCapture logs = new LogCapture()) {
      JsonObject ready = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));

      assertEquals("CURRENT_UNVERSIONED", ready.getString("schemaBefore"));
      assertEquals("3", ready.getString("schemaVersion"), "baselined at the version whose columns it has");
      assertEquals(0, ready.getInteger("migrationsApplied"));
      assertEquals(1, logs.lines().stream().filter(line -> line.contains("alembic_version")).count(), String.join("\n", logs.lines()));
    }
    Map<String, Object> admin = sql.row("SELECT * FROM email_users WHERE email = ?", ADMIN);
    assertTrue(truthy(admin.get("is_admin")));
    assertEquals("bcrypt", admin.get("password_hash_type"));
    assertEquals("owner", sql.single("SELECT m.role FROM email_team_members m JOIN email_teams t ON t.id = m.team_id"
        + " WHERE t.created_by = ? AND t.is_personal = TRUE", ADMIN));
    assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
    assertEquals("[\"*\"]", String.valueOf(sql.single("SELECT permissions FROM roles WHERE name = 'platform_admin'")).replace(" ", ""));
    assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles WHERE user_email = ?", ADMIN));

    JsonObject again = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));
    again.getJsonObject("rowsChanged").forEach(step -> assertEquals(0L, ((Number) step.getValue()).longValue(), step.getKey()));
  }

  /** An orphan whose adoption would break a unique key stays as it is: never renamed, never failing the run. */
  @Test
  void orphansThatWouldBreakAUniqueKeyAreLeftAloneAndCounted(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));
    String team = seedCollidingOrphans();
    List<Map<String, Object>> leftAloneBefore = rows("r-o1", "r-o3", "p-o1", "p-o3", "a-o1", "a-o3");

    JsonObject ready = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));

    assertEquals(new JsonObject().put("a2a_agents", 2L).put("prompts", 2L).put("resources", 2L),
        ready.getJsonObject("rowsSkipped").getJsonObject("orphans"), ready.encode());
    assertEquals(9L, ready.getJsonObject("rowsChanged").getLong("orphans"), ready.encode());
    for (String adopted : List.of("r-o2", "r-o4", "r-o5", "p-o2", "p-o4", "p-o5", "a-o2", "a-o4", "a-o5")) {
      Map<String, Object> row = sql.row("SELECT team_id, owner_email FROM " + table(adopted) + " WHERE id = ?", adopted);
      assertEquals(team, row.get("team_id"), adopted);
      assertEquals(adopted.equals("a-o5") ? "dev@example.com" : ADMIN, row.get("owner_email"), adopted + " keeps an owner it has");
    }
    assertEquals(leftAloneBefore, rows("r-o1", "r-o3", "p-o1", "p-o3", "a-o1", "a-o3"), "left exactly as they were");

    JsonObject again = Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));
    assertEquals(0L, again.getJsonObject("rowsChanged").getLong("orphans"), "a second run changes nothing");
  }

  /** The lock serialises them; neither breaks a key nor fails. */
  @Test
  void twoAgentsAdoptingAtOnceNeverBreakAKey(Vertx vertx) throws Throwable {
    Agents.await(Agents.bootstrap(vertx, Agents.settings(database)));
    String team = seedCollidingOrphans();

    Agents.await(Future.all(Agents.deploy(vertx, Agents.settings(database)), Agents.deploy(vertx, Agents.settings(database))));

    assertEquals(9, sql.count("SELECT (SELECT COUNT(*) FROM resources WHERE team_id = ? AND id LIKE 'r-o%')"
        + " + (SELECT COUNT(*) FROM prompts WHERE team_id = ? AND id LIKE 'p-o%')"
        + " + (SELECT COUNT(*) FROM a2a_agents WHERE team_id = ? AND id LIKE 'a-o%')", team, team, team));
    assertEquals(6, sql.count("SELECT (SELECT COUNT(*) FROM resources WHERE team_id IS NULL)"
        + " + (SELECT COUNT(*) FROM prompts WHERE team_id IS NULL) + (SELECT COUNT(*) FROM a2a_agents WHERE team_id IS NULL)"));
  }

  /**
   * In each keyed table: a row of the admin's team that holds key value A; orphans o1 (A: taken),
   * o2 and o3 (B: o2 comes first, o3 is its duplicate), o4 (C, with the owner set: free), and o5
   * (A again, but of another gateway, or under another owner for a2a_agents: another key).
   */
  private String seedCollidingOrphans() throws Exception {
    String team = (String) sql.single("SELECT id FROM email_teams WHERE created_by = ? AND is_personal = TRUE", ADMIN);
    sql.update("INSERT INTO resources (id, name, uri, team_id, owner_email, visibility) VALUES ('r-kept', 'kept', 'doc://a', ?, ?, 'public')",
        team, ADMIN);
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o1', 'o1', 'doc://a')");
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o2', 'o2', 'doc://b')");
    sql.update("INSERT INTO resources (id, name, uri) VALUES ('r-o3', 'o3', 'doc://b')");
    sql.update("INSERT INTO resources (id, name, uri, owner_email) VALUES ('r-o4', 'o4', 'doc://c', ?)", ADMIN);
    sql.update("INSERT INTO resources (id, name, uri, gateway_id) VALUES ('r-o5', 'o5', 'doc://a', 'gw-1')");
    sql.update("INSERT INTO prompts (id, name, team_id, owner_email, visibility) VALUES ('p-kept', 'greet', ?, ?, 'public')", team, ADMIN);
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o1', 'greet')");
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o2', 'dup')");
    sql.update("INSERT INTO prompts (id, name) VALUES ('p-o3', 'dup')");
    sql.update("INSERT INTO prompts (id, name, team_id) VALUES ('p-o4', 'free', ?)", team);
    sql.update("INSERT INTO prompts (id, name, gateway_id) VALUES ('p-o5', 'greet', 'gw-1')");
    sql.update("INSERT INTO a2a_agents (id, name, slug, team_id, owner_email) VALUES ('a-kept', 'kept', 's1', ?, ?)", team, ADMIN);
    sql.update("INSERT INTO a2a_agents (id, name, slug) VALUES ('a-o1', 'o1', 's1')");
    sql.update("INSERT INTO a2a_agents (id, name, slug) VALUES ('a-o2', 'o2', 's2')");
    sql.update("INSERT INTO a2a_agents (id, name, slug) VALUES ('a-o3', 'o3', 's2')");
    sql.update("INSERT INTO a2a_agents (id, name, slug, team_id) VALUES ('a-o4', 'o4', 's3', ?)", team);
    sql.update("INSERT INTO a2a_agents (id, name, slug, owner_email) VALUES ('a-o5', 'o5', 's1', 'dev@example.com')");
    return team;
  }

  private List<Map<String, Object>> rows(String... ids) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : ids) {
      Map<String, Object> row = sql.row("SELECT * FROM " + table(id) + " WHERE id = ?", id);
      assertNull(row.get("team_id"), id + " is an orphan");
      rows.add(row);
    }
    return rows;
  }

  private static String table(String id) {
    return switch (id.charAt(0)) {
      case 'r' -> "resources";
      case 'p' -> "prompts";
      default -> "a2a_agents";
    };
  }
}
