package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four system roles, created where absent (one query to see which exist, one batch for the
 * rest), and the platform_admin grant to the admin unless an active global grant exists. Unlike
 * the reference, a failed insert fails the step instead of being logged and skipped.
 */
public final class DefaultRoles implements BootstrapStep {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRoles.class);

  @Override
  public String name() {
    return "roles";
  }

  /** The four defaults as a derived table d(name, scope), from parameters #{n0}/#{s0} ... */
  private static final String DEFAULTS_TABLE = defaultsTable();

  /**
   * Which default roles are missing is asked of the database, so a role counts as present under
   * the database's own comparison rules (MariaDB's default collation ignores case): the check and
   * the unique constraint never disagree.
   */
  private static final String MISSING_ROLES = "FROM (" + DEFAULTS_TABLE + ") d WHERE NOT EXISTS"
      + " (SELECT 1 FROM roles r WHERE r.name = d.name AND r.scope = d.scope)";

  /** The platform_admin grant to make: only if the admin exists and holds no active global grant. */
  private static final String GRANTABLE = "FROM roles r JOIN email_users u ON u.email = #{email}"
      + " WHERE r.name = #{role} AND r.scope = #{global}"
      + " AND NOT EXISTS (SELECT 1 FROM user_roles g WHERE g.user_email = u.email AND g.role_id = r.id"
      + " AND g.scope = #{global} AND g.scope_id IS NULL AND g.is_active = TRUE)";

  /** The missing roles and the missing grant. */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    BootstrapConfig config = context.config();
    if (!config.emailAuthEnabled()) {
      LOG.info("Email authentication disabled: no default roles to create");
      return Future.succeededFuture(0L);
    }
    Map<String, Object> params = new HashMap<>(defaultParams());
    params.putAll(grantParams(config.adminEmail()));
    return Rows.counts(context.connection(),
            "SELECT (SELECT COUNT(*) " + MISSING_ROLES + "), (SELECT COUNT(*) " + GRANTABLE + ")", params)
        .map(counts -> counts[0] + counts[1]);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    BootstrapConfig config = context.config();
    SqlConnection connection = context.connection();
    return createMissingRoles(connection, config.adminEmail())
        .compose(roles -> grantPlatformAdmin(connection, config.adminEmail()).map(grants -> StepOutcome.changed(roles + grants)));
  }

  private static Future<Long> createMissingRoles(SqlConnection connection, String adminEmail) {
    return Rows.query(connection, "SELECT d.name, d.scope " + MISSING_ROLES, defaultParams())
        .compose(rows -> {
          Set<String> missingKeys = new HashSet<>();
          for (Row row : rows) {
            missingKeys.add(row.getString(0) + "/" + row.getString(1));
          }
          List<Map<String, Object>> missing = SystemRole.DEFAULTS.stream()
              .filter(role -> missingKeys.contains(role.key()))
              .map(role -> Map.<String, Object>of("id", UUID.randomUUID().toString(), "name", role.name(),
                  "description", role.description(), "scope", role.scope(),
                  "permissions", new JsonArray(role.permissions()).encode(), "createdBy", adminEmail))
              .toList();
          if (missing.isEmpty()) {
            return Future.succeededFuture(0L);
          }
          return SqlTemplate.forUpdate(connection,
                  "INSERT INTO roles (id, name, description, scope, permissions, created_by, is_system_role, is_active,"
                      + " created_at, updated_at) VALUES (#{id}, #{name}, #{description}, #{scope}, #{permissions},"
                      + " #{createdBy}, TRUE, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
              .executeBatch(missing)
              .map(done -> {
                LOG.info("Created system role(s): {}", missing.stream().map(m -> m.get("name")).toList());
                return (long) missing.size();
              });
        });
  }

  /** One set-based statement: the grant {@link #GRANTABLE} describes, if any. */
  private static Future<Long> grantPlatformAdmin(SqlConnection connection, String email) {
    Map<String, Object> params = new HashMap<>(grantParams(email));
    params.put("id", UUID.randomUUID().toString());
    return Rows.update(connection,
        "INSERT INTO user_roles (id, user_email, role_id, scope, scope_id, granted_by, granted_at, is_active)"
            + " SELECT #{id}, u.email, r.id, r.scope, NULL, u.email, CURRENT_TIMESTAMP, TRUE " + GRANTABLE, params)
        .onSuccess(granted -> {
          if (granted > 0) {
            LOG.info("Granted {} to {}", SystemRole.PLATFORM_ADMIN, email);
          }
        });
  }

  private static String defaultsTable() {
    StringBuilder defaults = new StringBuilder();
    for (int i = 0; i < SystemRole.DEFAULTS.size(); i++) {
      defaults.append(i == 0 ? "" : " UNION ALL ").append("SELECT #{n").append(i).append("} AS name, #{s").append(i)
          .append("} AS scope");
    }
    return defaults.toString();
  }

  private static Map<String, Object> defaultParams() {
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < SystemRole.DEFAULTS.size(); i++) {
      params.put("n" + i, SystemRole.DEFAULTS.get(i).name());
      params.put("s" + i, SystemRole.DEFAULTS.get(i).scope());
    }
    return params;
  }

  private static Map<String, Object> grantParams(String email) {
    return Map.of("email", email, "role", SystemRole.PLATFORM_ADMIN, "global", SystemRole.GLOBAL);
  }
}
