package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.db.SqlDialect;
import java.util.List;

/**
 * One resource table whose orphans the admin's team adopts, and the unique key that adoption can
 * break: (team_id, owner_email, [gateway_id,] value), the upstream gateway's keys on resources
 * (uri), prompts (name) and a2a_agents (slug), where gateway_id is compared so that one comparison
 * covers both the four-column key and the {@code *_local} one (gateway_id IS NULL). The other
 * tables have no key with a team or owner in it.
 *
 * <p>Only a mover changes its key: a row whose team or owner is NULL (its key holds a NULL, so it
 * collides with nothing now). A mover is left alone when its new key is taken by a row that keeps
 * its own, or when another mover takes that key first; every other orphan is adopted.
 *
 * @param valueColumn the key's own column, or null for a table without such a key
 * @param gateway whether the key includes gateway_id
 */
record OrphanTable(String name, String valueColumn, boolean gateway) {

  /** Fixed table names from the code, never from configuration. */
  static final List<OrphanTable> ALL = List.of(
      new OrphanTable("servers", null, false), new OrphanTable("tools", null, false),
      new OrphanTable("resources", "uri", true), new OrphanTable("prompts", "name", true),
      new OrphanTable("gateways", null, false), new OrphanTable("a2a_agents", "slug", false));

  /** A row the admin's team adopts: no team, no owner or no visibility (alias o). */
  static final String ORPHAN = "(o.team_id IS NULL OR o.owner_email IS NULL OR o.visibility IS NULL)";
  private static final String MOVER = "(o.team_id IS NULL OR o.owner_email IS NULL)";
  private static final String SET = "team_id = COALESCE(team_id, #{team}), owner_email = COALESCE(owner_email, #{email}),"
      + " visibility = COALESCE(visibility, #{public}),"
      + " federation_source = CASE WHEN federation_source IS NULL OR federation_source = '' THEN #{source}"
      + " ELSE federation_source END";

  boolean keyed() {
    return valueColumn != null;
  }

  /** The UPDATE that adopts every orphan it can. */
  String adoptSql(SqlDialect dialect) {
    if (!keyed()) {
      return "UPDATE " + name + " AS o SET " + SET + " WHERE " + ORPHAN;
    }
    return dialect.updateLeavingRefusedRows(name, SET, ORPHAN, refused(dialect));
  }

  /**
   * A mover whose new key another row holds and keeps, or another mover with a lower id also
   * receives: the rule the unique keys apply where a database lets them decide.
   */
  private String refused(SqlDialect dialect) {
    return MOVER + " AND EXISTS (SELECT 1 FROM " + name + " d WHERE " + sameValue(dialect, "d", "o.")
        + " AND COALESCE(d.team_id, #{team}) = COALESCE(o.team_id, #{team})"
        + " AND COALESCE(d.owner_email, #{email}) = COALESCE(o.owner_email, #{email})"
        + " AND ((d.team_id IS NOT NULL AND d.owner_email IS NOT NULL) OR d.id < o.id))";
  }

  /**
   * How many orphans adoption leaves alone (0 for a table without a key), counted without reading
   * row by row: the movers grouped by the key they would get; a group whose key a row already holds
   * is left alone whole, any other group adopts one of its rows. The check uses the unique key's own
   * columns, so its index serves it.
   */
  String leftAloneSql(SqlDialect dialect) {
    if (!keyed()) {
      return "0";
    }
    String gatewaySelect = gateway ? ", gateway_id AS gw" : "";
    String gatewayGroup = gateway ? ", m.gw" : "";
    return "(SELECT COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM " + name + " k WHERE k.team_id = g.t AND k.owner_email = g.o"
        + " AND " + sameValue(dialect, "k", "g.") + ") THEN g.n ELSE g.n - 1 END), 0)"
        + " FROM (SELECT m.t, m.o, m.v" + gatewayGroup + ", COUNT(*) AS n FROM (SELECT COALESCE(team_id, #{team}) AS t,"
        + " COALESCE(owner_email, #{email}) AS o, " + valueColumn + " AS v" + gatewaySelect + " FROM " + name + " o WHERE "
        + MOVER + " AND o." + valueColumn + " IS NOT NULL) m GROUP BY m.t, m.o, m.v" + gatewayGroup + ") g)";
  }

  /** Every orphan of the table. */
  String orphansSql() {
    return "(SELECT COUNT(*) FROM " + name + " o WHERE " + ORPHAN + ")";
  }

  /** After adoption, the orphans left are the ones left alone: the first few, by id. */
  String firstLeftAloneSql(int limit) {
    return "SELECT o.id FROM " + name + " o WHERE " + ORPHAN + " ORDER BY o.id LIMIT " + limit;
  }

  /**
   * The same key value as the row {@code other} names with {@code prefix}: the value column, and
   * gateway_id compared so that two NULLs match. In the grouped count the value is {@code v} and
   * the gateway {@code gw}.
   */
  private String sameValue(SqlDialect dialect, String alias, String prefix) {
    boolean grouped = prefix.equals("g.");
    String value = alias + "." + valueColumn + " = " + prefix + (grouped ? "v" : valueColumn);
    return gateway ? value + " AND " + dialect.nullSafeEquals(alias + ".gateway_id", prefix + (grouped ? "gw" : "gateway_id"))
        : value;
  }
}
