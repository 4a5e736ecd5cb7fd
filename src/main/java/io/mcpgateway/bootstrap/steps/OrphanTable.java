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
  /** gateway_id in a key, NULL as '': it references a gateway, never the empty string. */
  private static final String GATEWAY = "COALESCE(%s.gateway_id, '')";
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
    return dialect.updateLeavingRefusedRows(name, SET, ORPHAN, refused());
  }

  /**
   * A mover whose new key another row holds and keeps, or another mover with a lower id also
   * receives: the rule the unique keys apply where a database lets them decide. One EXISTS, the
   * mover test inside it, so that {@code NOT} of it is planned as an anti-join on the key's columns
   * (under an OR it would be asked row by row).
   */
  private String refused() {
    return "EXISTS (SELECT 1 FROM " + name + " d WHERE " + MOVER + " AND d.id <> o.id AND " + sameValue("d")
        + " AND COALESCE(d.team_id, #{team}) = COALESCE(o.team_id, #{team})"
        + " AND COALESCE(d.owner_email, #{email}) = COALESCE(o.owner_email, #{email})"
        + " AND ((d.team_id IS NOT NULL AND d.owner_email IS NOT NULL) OR d.id < o.id))";
  }

  /**
   * How many orphans adoption leaves alone (0 for a table without a key), with one scan and no
   * join (whose plan would hang on the statistics: a stale one turned an anti-join into a scan per
   * row): every row with a value, grouped by the key it has or would get; a group with a mover and
   * no holder adopts one mover, every other mover is left alone. So: the movers with a value, less
   * those groups.
   */
  String leftAloneSql() {
    if (!keyed()) {
      return "0";
    }
    return "(" + moversWithValueSql() + " - (SELECT COUNT(*) FROM (SELECT MAX(x.mover) AS moved, MIN(x.mover) AS unheld FROM (SELECT"
        + " COALESCE(o.team_id, #{team}) AS t, COALESCE(o.owner_email, #{email}) AS e, o." + valueColumn + " AS v, "
        + (gateway ? GATEWAY.replace("%s", "o") : "''") + " AS gw, CASE WHEN " + MOVER + " THEN 1 ELSE 0 END AS mover"
        + " FROM " + name + " o WHERE o." + valueColumn + " IS NOT NULL) x GROUP BY x.t, x.e, x.v, x.gw) y"
        + " WHERE y.moved = 1 AND y.unheld = 1))";
  }

  /** The movers with a key value: only they can be left alone. */
  private String moversWithValueSql() {
    return "(SELECT COUNT(*) FROM " + name + " o WHERE " + moverWithValue() + ")";
  }

  /** Whether the table has an orphan that no key can refuse: any orphan here but a mover with a key value. */
  String adoptableForSureSql() {
    String unrefusable = keyed() ? " AND NOT " + moverWithValue() : "";
    return "EXISTS (SELECT 1 FROM " + name + " o WHERE " + ORPHAN + unrefusable + ")";
  }

  /** Whether the table has a mover with a key value, which only the key's other rows decide; false without a key. */
  String moverWithValueSql() {
    return keyed() ? "EXISTS (SELECT 1 FROM " + name + " o WHERE " + moverWithValue() + ")" : "1 = 0";
  }

  /** A row whose adoption changes its key, with a key value to change (alias o; keyed tables only). */
  private String moverWithValue() {
    return "(" + MOVER + " AND o." + valueColumn + " IS NOT NULL)";
  }

  /** Every orphan of the table. */
  String orphansSql() {
    return "(SELECT COUNT(*) FROM " + name + " o WHERE " + ORPHAN + ")";
  }

  /** After adoption, the orphans left are the ones left alone: the first few, by id. */
  String firstLeftAloneSql(int limit) {
    return "SELECT o.id FROM " + name + " o WHERE " + ORPHAN + " ORDER BY o.id LIMIT " + limit;
  }

  /** The same value as row {@code o}, and the same gateway, two NULLs alike (an equality a hash join can use). */
  private String sameValue(String alias) {
    String value = alias + "." + valueColumn + " = o." + valueColumn;
    return gateway ? value + " AND " + GATEWAY.replace("%s", alias) + " = " + GATEWAY.replace("%s", "o") : value;
  }
}
