package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.config.RoleDefinition;
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
 * The roles of the run (the built-in four, or the roles file's), created where absent (one query to
 * see which exist, one batch for the rest; an existing role is never rewritten), the platform_admin
 * grant to the admin unless an active global grant exists, and {@code is_admin} on every user who
 * holds that grant (the upstream gateway keeps the two in step). Unlike the reference, a failed
 * insert fails the step instead of being logged and skipped.
 */
public final class DefaultRoles implements BootstrapStep {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRoles.class);

  /** The platform_admin grant to make: only if the admin exists and holds no active global grant. */
  private static final String GRANTABLE = "FROM roles r JOIN email_users u ON u.email = #{email}"
      + " WHERE r.name = #{role} AND r.scope = #{global}"
      + " AND NOT EXISTS (SELECT 1 FROM user_roles g WHERE g.user_email = u.email AND g.role_id = r.id"
      + " AND g.scope = #{global} AND g.scope_id IS NULL AND g.is_active = TRUE)";

  /**
   * Users who hold the active global platform_admin grant but are not marked as admins (the subquery
   * reads other tables only: MySQL refuses an UPDATE whose subquery reads the updated table).
   */
  private static final String UNMARKED_ADMIN = "is_admin = FALSE AND email IN"
      + " (SELECT g.user_email FROM user_roles g JOIN roles r ON r.id = g.role_id WHERE r.name = #{role}"
      + " AND r.scope = #{global} AND g.scope = #{global} AND g.scope_id IS NULL AND g.is_active = TRUE)";

  private final List<RoleDefinition> roles;
  /** The roles as a derived table d(name, scope), from parameters #{n0}/#{s0} ... */
  private final String missingRoles;

  public DefaultRoles(List<RoleDefinition> roles) {
    this.roles = List.copyOf(roles);
    this.missingRoles = "FROM (" + rolesTable() + ") d WHERE NOT EXISTS"
        + " (SELECT 1 FROM roles r WHERE r.name = d.name AND r.scope = d.scope)";
  }

  @Override
  public String name() {
    return "roles";
  }

  /**
   * The missing roles, the missing grant and the unmarked admins. Which roles are missing is asked of
   * the database, so a role counts as present under its own comparison rules (MariaDB's default
   * collation ignores case): the check and the unique key never disagree.
   */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    BootstrapConfig config = context.config();
    if (!config.emailAuthEnabled()) {
      LOG.info("Email authentication disabled: no default roles to create");
      return Future.succeededFuture(0L);
    }
    Map<String, Object> params = new HashMap<>(roleParams());
    params.putAll(grantParams(config.adminEmail()));
    return Rows.counts(context.connection(), "SELECT (SELECT COUNT(*) " + missingRoles + "), (SELECT COUNT(*) " + GRANTABLE
            + "), (SELECT COUNT(*) FROM email_users WHERE " + UNMARKED_ADMIN + ")", params)
        .map(counts -> counts[0] + counts[1] + counts[2]);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    BootstrapConfig config = context.config();
    SqlConnection connection = context.connection();
    return createMissingRoles(context)
        .compose(created -> grantPlatformAdmin(connection, config.adminEmail()).map(granted -> created + granted))
        .compose(sofar -> markAdmins(connection, config.adminEmail()).map(marked -> StepOutcome.changed(sofar + marked)));
  }

  private Future<Long> createMissingRoles(StepContext context) {
    SqlConnection connection = context.connection();
    String adminEmail = context.config().adminEmail();
    return Rows.query(connection, "SELECT d.name, d.scope " + missingRoles, roleParams()).compose(rows -> {
      Set<String> missingKeys = new HashSet<>();
      for (Row row : rows) {
        missingKeys.add(row.getString(0) + "/" + row.getString(1));
      }
      List<Map<String, Object>> missing = roles.stream().filter(role -> missingKeys.contains(role.key()))
          .map(role -> insertParams(role, adminEmail)).toList();
      if (missing.isEmpty()) {
        return Future.succeededFuture(0L);
      }
      return SqlTemplate.forUpdate(connection,
              "INSERT INTO roles (id, name, description, scope, permissions, created_by, is_system_role, is_active,"
                  + " created_at, updated_at) VALUES (#{id}, #{name}, #{description}, #{scope}, "
                  + context.vendor().dialect().json("#{permissions}") + ", #{createdBy}, #{system}, TRUE,"
                  + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
          .executeBatch(missing)
          .map(done -> {
            LOG.info("Created role(s): {}", missing.stream().map(m -> m.get("name")).toList());
            return (long) missing.size();
          });
    });
  }

  private static Map<String, Object> insertParams(RoleDefinition role, String adminEmail) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", UUID.randomUUID().toString());
    params.put("name", role.name());
    params.put("description", role.description());
    params.put("scope", role.scope());
    params.put("permissions", new JsonArray(role.permissions()).encode());
    params.put("createdBy", adminEmail);
    params.put("system", role.systemRole());
    return params;
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
            LOG.info("Granted {} to {}", RoleDefinition.PLATFORM_ADMIN, email);
          }
        });
  }

  private static Future<Long> markAdmins(SqlConnection connection, String email) {
    return Rows.update(connection, "UPDATE email_users SET is_admin = TRUE, updated_at = CURRENT_TIMESTAMP WHERE "
            + UNMARKED_ADMIN, grantParams(email))
        .onSuccess(marked -> {
          if (marked > 0) {
            LOG.info("Marked {} holder(s) of the {} grant as admins (is_admin)", marked, RoleDefinition.PLATFORM_ADMIN);
          }
        });
  }

  private String rolesTable() {
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < roles.size(); i++) {
      table.append(i == 0 ? "" : " UNION ALL ").append("SELECT #{n").append(i).append("} AS name, #{s").append(i)
          .append("} AS scope");
    }
    return table.toString();
  }

  private Map<String, Object> roleParams() {
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < roles.size(); i++) {
      params.put("n" + i, roles.get(i).name());
      params.put("s" + i, roles.get(i).scope());
    }
    return params;
  }

  private static Map<String, Object> grantParams(String email) {
    return Map.of("email", email, "role", RoleDefinition.PLATFORM_ADMIN, "global", RoleDefinition.GLOBAL);
  }
}
