package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform admin when absent (bcrypt on a worker thread), then, with personal teams
 * on, makes sure the admin has a personal team and is its owner. Each part checks first, so a
 * second run changes nothing, and a personal team missing from an earlier run is still made.
 */
public final class PlatformAdmin implements BootstrapStep {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformAdmin.class);

  @Override
  public String name() {
    return "admin";
  }

  /** The user (1), then with personal teams on, the team and the membership (1 each) that are missing. */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    BootstrapConfig config = context.config();
    if (!config.emailAuthEnabled()) {
      LOG.info("Email authentication disabled: no platform admin to create");
      return Future.succeededFuture(0L);
    }
    return Rows.counts(context.connection(), "SELECT (SELECT COUNT(*) FROM email_users WHERE email = #{email}),"
            + " (SELECT COUNT(*) FROM (" + PersonalTeam.FIND_TEAM + ") t), (" + PersonalTeam.IS_MEMBER + ")",
            Map.of("email", config.adminEmail()))
        .map(found -> (found[0] == 0 ? 1L : 0L)
            + (!config.autoCreatePersonalTeams() ? 0L : found[1] == 0 ? 2L : found[2] == 0 ? 1L : 0L));
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    BootstrapConfig config = context.config();
    Future<Long> user = ensureUser(context);
    if (!config.autoCreatePersonalTeams()) {
      return user.map(StepOutcome::changed);
    }
    return user.compose(created -> PersonalTeam.ensureFor(context.connection(), config.adminEmail(), config.adminFullName())
        .map(teamRows -> StepOutcome.changed(created + teamRows)));
  }

  private Future<Long> ensureUser(StepContext context) {
    BootstrapConfig config = context.config();
    SqlConnection connection = context.connection();
    return Rows.firstString(connection, "SELECT id FROM email_users WHERE email = #{email}", Map.of("email", config.adminEmail()))
        .compose(existing -> {
          if (existing.isPresent()) {
            LOG.info("Admin user {} already exists", config.adminEmail());
            return Future.succeededFuture(0L);
          }
          if (BootstrapConfig.DEFAULT_ADMIN_PASSWORD.equals(config.adminPassword())) {
            LOG.warn("Creating the platform admin with the default password: set PLATFORM_ADMIN_PASSWORD");
          }
          return context.adminPasswordHash().get().compose(hash -> insertUser(connection, config, hash));
        });
  }

  private static Future<Long> insertUser(SqlConnection connection, BootstrapConfig config, String hash) {
    return Rows.update(connection,
        "INSERT INTO email_users (id, email, password_hash, password_hash_type, full_name, is_admin, is_active,"
            + " email_verified_at, auth_provider, password_change_required, password_changed_at, created_at, updated_at)"
            + " VALUES (#{id}, #{email}, #{hash}, #{hashType}, #{fullName}, TRUE, TRUE,"
            + " CURRENT_TIMESTAMP, #{provider}, #{mustChange}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        Map.of("id", UUID.randomUUID().toString(), "email", config.adminEmail(), "hash", hash, "hashType", "bcrypt",
            "fullName", config.adminFullName(), "provider", "local", "mustChange", config.adminMustChangePassword()))
        .onSuccess(rows -> LOG.info("Created platform admin {}", config.adminEmail()));
  }
}
