package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.schema.MigrationSource;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.PgBouncerServer;
import io.mcpgateway.bootstrap.support.Sql;
import io.mcpgateway.bootstrap.support.TestDatabase;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DATABASE_URL at a real PgBouncer in transaction pooling mode, as the upstream gateway's compose
 * file has it: every statement may run on another server connection, so a session lock, a session
 * SET or a named prepared statement would break. Eight agents, each in a Vert.x of its own as eight
 * pods would be, start together on an empty database.
 */
class PgBouncerTest {

  @Test
  void eightAgentsThroughATransactionPoolerAllSucceedMigrateOnceAndLeaveNoLockHeld() throws Throwable {
    try (TestDatabase database = TestDatabases.postgres()) {
      DatabaseUrl server = database.url();
      try (PgBouncerServer bouncer = PgBouncerServer.start(server.host(), server.port(), server.user(), server.password(),
          "transaction")) {
        assertStatementsMoveBetweenServerConnections(bouncer, server.database());
        JsonObject settings = Agents.settings(database).put("DATABASE_URL", bouncer.url(server.database()));

        List<Vertx> pods = new ArrayList<>();
        List<Future<JsonObject>> agents = new ArrayList<>();
        try {
          for (int i = 0; i < 8; i++) {
            Vertx pod = Vertx.vertx();
            pods.add(pod);
            agents.add(Agents.bootstrap(pod, settings.copy()));
          }
          Agents.await(Future.all(agents));
        } finally {
          for (Vertx pod : pods) {
            Agents.await(pod.close());
          }
        }

        long lockTakers = agents.stream().filter(agent -> agent.result().getBoolean("lockTaken")).count();
        assertTrue(lockTakers >= 1, "one agent at least migrated under the lock");
        Sql sql = new Sql(database);
        assertEquals(List.of("1", "2", "3"), sql.rows("SELECT version FROM " + MigrationSource.HISTORY_TABLE
            + " ORDER BY installed_rank").stream().map(row -> String.valueOf(row.get("version"))).toList());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM email_users"));
        assertEquals(4, sql.count("SELECT COUNT(*) FROM roles"));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM user_roles"));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"), "no advisory lock left held");
      }
    }
  }

  /** The pooler really hands out server connections per transaction: a test on a session pooler proves nothing. */
  private static void assertStatementsMoveBetweenServerConnections(PgBouncerServer bouncer, String database) throws Exception {
    try (Connection a = DriverManager.getConnection(bouncer.jdbcUrl(database), bouncer.jdbcProperties());
         Connection b = DriverManager.getConnection(bouncer.jdbcUrl(database), bouncer.jdbcProperties())) {
      a.setAutoCommit(false);
      String pinned = backend(a);
      assertNotEquals(pinned, backend(b), "an open transaction pins its server connection");
      a.commit();
      assertEquals(pinned, backend(b), "after the commit, another client runs on that server connection");
    }
  }

  private static String backend(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
