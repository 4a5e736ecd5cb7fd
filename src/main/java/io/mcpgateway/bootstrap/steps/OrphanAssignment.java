package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands rows with no team, owner or visibility to the admin's personal team: one UPDATE per
 * table, so a million orphans cost six statements, not a million round trips or objects. Unlike
 * the reference, only the missing fields are filled: a row that has a team keeps it.
 */
public final class OrphanAssignment implements BootstrapStep {

  /** The reference's marker for rows adopted by this migration. */
  public static final String MIGRATION_SOURCE = "mcpgateway-0.7.0-migration";

  /** Fixed table names from the code, never from configuration. */
  static final List<String> RESOURCE_TABLES = List.of("servers", "tools", "resources", "prompts", "gateways", "a2a_agents");

  private static final Logger LOG = LoggerFactory.getLogger(OrphanAssignment.class);

  @Override
  public String name() {
    return "orphans";
  }

  /** A row the admin's team adopts: no team, no owner or no visibility. */
  private static final String ORPHAN = "team_id IS NULL OR owner_email IS NULL OR visibility IS NULL";

  /**
   * The orphans of every table, once the admin has a personal team to hand them to; without one
   * there is nothing this step can do, and it says so.
   */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    BootstrapConfig config = context.config();
    if (!config.emailAuthEnabled()) {
      LOG.info("Email authentication disabled: orphaned resources left as they are");
      return Future.succeededFuture(0L);
    }
    String orphans = RESOURCE_TABLES.stream().map(table -> "(SELECT COUNT(*) FROM " + table + " WHERE " + ORPHAN + ")")
        .collect(Collectors.joining(" + "));
    return Rows.counts(context.connection(), "SELECT (SELECT COUNT(*) FROM (" + PersonalTeam.FIND_TEAM + ") t), " + orphans,
            Map.of("email", config.adminEmail()))
        .map(found -> {
          if (found[0] == 0 && found[1] > 0) {
            LOG.warn("Admin {} has no personal team: {} orphaned row(s) left as they are", config.adminEmail(), found[1]);
          }
          return found[0] == 0 ? 0L : found[1];
        });
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    BootstrapConfig config = context.config();
    SqlConnection connection = context.connection();
    return PersonalTeam.findTeam(connection, config.adminEmail())
        .compose(team -> team.isEmpty() ? Future.succeededFuture(0L) : assignAll(connection, team.get(), config.adminEmail()))
        .map(StepOutcome::changed);
  }

  /**
   * The six statements are sent together: the PostgreSQL and MySQL clients pipeline them on the
   * one connection (in order, in the one transaction), so a warm run waits one round trip, not six,
   * while it holds the lock that other replicas queue for.
   */
  private static Future<Long> assignAll(SqlConnection connection, String teamId, String email) {
    Map<String, Object> params = Map.of("team", teamId, "email", email, "public", "public", "source", MIGRATION_SOURCE);
    List<Future<Long>> updates = RESOURCE_TABLES.stream()
        .map(table -> Rows.update(connection, assignSql(table), params).onSuccess(changed -> {
          if (changed > 0) {
            LOG.info("Assigned {} orphaned {} to the admin's team", changed, table);
          }
        }))
        .toList();
    return Future.all(updates).map(done -> updates.stream().mapToLong(Future::result).sum());
  }

  private static String assignSql(String table) {
    return "UPDATE " + table + " SET team_id = COALESCE(team_id, #{team}),"
        + " owner_email = COALESCE(owner_email, #{email}),"
        + " visibility = COALESCE(visibility, #{public}),"
        + " federation_source = CASE WHEN federation_source IS NULL OR federation_source = ''"
        + " THEN #{source} ELSE federation_source END"
        + " WHERE " + ORPHAN;
  }
}
