package io.mcpgateway.bootstrap.steps;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's personal team ("<full name>'s Team", private, with the user as owner), created where
 * absent. The slug comes from the name; if another team holds it, the team id's first part is
 * appended so it stays unique.
 */
final class PersonalTeam {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalTeam.class);

  private PersonalTeam() {
  }

  /** Rows changed: 0 when team and membership already exist. */
  static Future<Long> ensureFor(SqlConnection connection, String email, String fullName) {
    return findTeam(connection, email).compose(existing -> existing.isPresent()
        ? ensureOwner(connection, existing.get(), email)
        : createTeam(connection, email, fullName)
            .compose(teamId -> ensureOwner(connection, teamId, email).map(member -> member + 1)));
  }

  /** The user's personal team: the oldest active one (a user normally has exactly one). */
  static final String FIND_TEAM = "SELECT id FROM email_teams WHERE created_by = #{email} AND is_personal = TRUE"
      + " AND is_active = TRUE ORDER BY created_at, id LIMIT 1";

  /** 1 when the user is a member of {@link #FIND_TEAM}'s team, else 0 (also when there is no team). */
  static final String IS_MEMBER = "SELECT COUNT(*) FROM email_team_members WHERE user_email = #{email}"
      + " AND team_id = (" + FIND_TEAM + ")";

  static Future<Optional<String>> findTeam(SqlConnection connection, String email) {
    return Rows.firstString(connection, FIND_TEAM, Map.of("email", email));
  }

  private static Future<String> createTeam(SqlConnection connection, String email, String fullName) {
    String id = UUID.randomUUID().toString();
    String name = fullName + "'s Team";
    String baseSlug = slugOf(name);
    return Rows.firstString(connection, "SELECT id FROM email_teams WHERE slug = #{slug}", Map.of("slug", baseSlug))
        .compose(taken -> Rows.update(connection,
            "INSERT INTO email_teams (id, name, slug, description, created_by, is_personal, visibility, is_active,"
                + " created_at, updated_at) VALUES (#{id}, #{name}, #{slug}, #{description}, #{email}, TRUE, #{visibility},"
                + " TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            Map.of("id", id, "name", name, "slug", taken.isPresent() ? baseSlug + "-" + id.substring(0, 8) : baseSlug,
                "description", "Personal workspace for " + email, "email", email, "visibility", "private")))
        .onSuccess(rows -> LOG.info("Created personal team '{}' for {}", name, email))
        .map(rows -> id);
  }

  private static Future<Long> ensureOwner(SqlConnection connection, String teamId, String email) {
    Map<String, Object> params = Map.of("id", UUID.randomUUID().toString(), "team", teamId, "email", email, "role", "owner");
    return Rows.firstString(connection,
            "SELECT id FROM email_team_members WHERE team_id = #{team} AND user_email = #{email}", params)
        .compose(member -> member.isPresent() ? Future.succeededFuture(0L) : Rows.update(connection,
            "INSERT INTO email_team_members (id, team_id, user_email, role, joined_at, is_active)"
                + " VALUES (#{id}, #{team}, #{email}, #{role}, CURRENT_TIMESTAMP, TRUE)", params));
  }

  /** Lower-case words joined by '-': "Platform Administrator's Team" becomes "platform-administrators-team". */
  static String slugOf(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "team" : slug;
  }
}
