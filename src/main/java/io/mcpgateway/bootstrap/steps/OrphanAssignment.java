package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.BootstrapConfig;
import io.mcpgateway.bootstrap.db.SqlDialect;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands rows with no team, owner or visibility to the admin's personal team: one UPDATE per table,
 * so a million orphans cost six statements, not a million round trips or objects. Unlike the
 * reference, only the missing fields are filled (a row that has a team keeps it), and an orphan
 * whose adoption would break a unique key of its table ({@link OrphanTable}) is left exactly as it
 * is, never renamed (upstream renames such rows, and its users lose links at every restart); the
 * rows left alone are counted, and the first few named, per table.
 */
public final class OrphanAssignment implements BootstrapStep {

  /** The reference's marker for rows adopted by this migration. */
  public static final String MIGRATION_SOURCE = "mcpgateway-0.7.0-migration";
  private static final int NAMED = 5;
  /** Every orphan, in one row. */
  private static final String ORPHANS = "SELECT " + OrphanTable.ALL.stream().map(OrphanTable::orphansSql)
      .collect(Collectors.joining(" + "));
  /** The orphans adoption would leave alone, in one row (parameters: team, email). */
  private static final String LEFT_ALONE = "SELECT " + OrphanTable.ALL.stream().filter(OrphanTable::keyed)
      .map(OrphanTable::leftAloneSql).collect(Collectors.joining(" + "));
  /** Two flags in one row: an orphan adopted for sure; a mover with a key value, which only the count decides. */
  private static final String ANY_WORK = "SELECT CASE WHEN " + OrphanTable.ALL.stream()
      .map(OrphanTable::adoptableForSureSql).collect(Collectors.joining(" OR ")) + " THEN 1 ELSE 0 END, CASE WHEN "
      + OrphanTable.ALL.stream().map(OrphanTable::moverWithValueSql).collect(Collectors.joining(" OR ")) + " THEN 1 ELSE 0 END";

  private static final Logger LOG = LoggerFactory.getLogger(OrphanAssignment.class);

  @Override
  public String name() {
    return "orphans";
  }

  /**
   * The orphans adoption would change, once the admin has a personal team to hand them to (without
   * one there is nothing this step can do yet, and {@code --check} says so): every orphan less those
   * left alone.
   */
  @Override
  public Future<Long> pendingRows(StepContext context) {
    BootstrapConfig config = context.config();
    if (!config.emailAuthEnabled()) {
      LOG.info("Email authentication disabled: orphaned resources left as they are");
      return Future.succeededFuture(0L);
    }
    SqlConnection connection = context.connection();
    // Asked together, the plain query first: it goes out with the team's prepare, one wait instead of two.
    Future<long[]> counted = Rows.counts(connection, ORPHANS, Map.of());
    Future<Optional<String>> teamAsked = PersonalTeam.findTeam(connection, config.adminEmail());
    return Future.all(teamAsked, counted).compose(both -> {
      long found = counted.result()[0];
      if (found == 0) {
        return Future.succeededFuture(0L);
      }
      if (teamAsked.result().isEmpty()) {
        LOG.warn("Admin {} has no personal team: {} orphaned row(s) {}", config.adminEmail(), found,
            config.autoCreatePersonalTeams() ? "wait for the run that creates it"
                : "left as they are (AUTO_CREATE_PERSONAL_TEAMS is false)");
        return Future.succeededFuture(0L);
      }
      return Rows.counts(connection, LEFT_ALONE, params(teamAsked.result().get(), config.adminEmail()))
          .map(left -> found - left[0]);
    });
  }

  /**
   * What a run asks, twice: two existence tests that stop at the first row they find. Any orphan but
   * a mover with a key value is adopted for sure; only where movers with a key value are all there
   * is does the exact count (a grouping of the keyed tables) decide. The admin's team is asked only
   * then: a database without orphans, as a ready one is, answers with one plain query.
   */
  @Override
  public Future<Boolean> hasWork(StepContext context) {
    if (!context.config().emailAuthEnabled()) {
      return pendingRows(context).map(rows -> rows > 0);
    }
    SqlConnection connection = context.connection();
    return Rows.counts(connection, ANY_WORK, Map.of()).compose(found -> {
      boolean forSure = found[0] == 1;
      if (!forSure && found[1] == 0) {
        return Future.succeededFuture(false);
      }
      return PersonalTeam.findTeam(connection, context.config().adminEmail()).compose(team -> {
        if (team.isEmpty()) {
          // The admin step before this one makes the team, and this step is asked again then; unless it makes none.
          return context.config().autoCreatePersonalTeams() ? Future.succeededFuture(false)
              : pendingRows(context).map(rows -> rows > 0);
        }
        return forSure ? Future.succeededFuture(true)
            : adoptable(connection, team.get(), context.config().adminEmail()).map(rows -> rows > 0);
      });
    });
  }

  /** Every orphan less those left alone, the team known: both counts sent together. */
  private static Future<Long> adoptable(SqlConnection connection, String team, String email) {
    Future<long[]> orphans = Rows.counts(connection, ORPHANS, Map.of());
    Future<long[]> leftAlone = Rows.counts(connection, LEFT_ALONE, params(team, email));
    return Future.all(orphans, leftAlone).map(both -> orphans.result()[0] - leftAlone.result()[0]);
  }

  @Override
  public Future<StepOutcome> apply(StepContext context) {
    BootstrapConfig config = context.config();
    SqlConnection connection = context.connection();
    return PersonalTeam.findTeam(connection, config.adminEmail())
        .compose(team -> team.isEmpty() ? Future.succeededFuture(StepOutcome.changed(0))
            : adoptAll(connection, context.vendor().dialect(), params(team.get(), config.adminEmail())));
  }

  /**
   * The statements are sent together: the PostgreSQL and MySQL clients pipeline them on the one
   * connection (in order, in the one transaction), so the run waits one round trip, not a dozen,
   * while it holds the lock that other replicas queue for.
   */
  private static Future<StepOutcome> adoptAll(SqlConnection connection, SqlDialect dialect, Map<String, Object> params) {
    List<Future<Long>> adopted = new ArrayList<>();
    Map<String, Future<LeftAlone>> leftAlone = new LinkedHashMap<>();
    for (OrphanTable table : OrphanTable.ALL) {
      adopted.add(Rows.update(connection, table.adoptSql(dialect), params).onSuccess(changed -> {
        if (changed > 0) {
          LOG.info("Assigned {} orphaned {} to the admin's team", changed, table.name());
        }
      }));
      if (table.keyed()) {
        leftAlone.put(table.name(), leftAlone(connection, table));
      }
    }
    List<Future<?>> all = new ArrayList<>(adopted);
    all.addAll(leftAlone.values());
    // join, not all: on a failure the transaction rolls back only once every statement sent in it has answered.
    return Future.join(all).map(done -> {
      Map<String, Long> skipped = new LinkedHashMap<>();
      leftAlone.forEach((table, asked) -> {
        LeftAlone left = asked.result();
        if (left.count() > 0) {
          skipped.put(table, left.count());
          LOG.warn("Left {} orphaned {} alone: adopting them would break a unique key of {} (first: {}); they keep"
              + " their team, owner and visibility", left.count(), table, table, String.join(", ", left.first()));
        }
      });
      return new StepOutcome(adopted.stream().mapToLong(Future::result).sum(), skipped);
    });
  }

  /** The orphans one table's update left alone, and the first few of them by id. */
  private record LeftAlone(long count, List<String> first) {
  }

  /** The first ids are asked only when there are any: one scan less per table where all were adopted. */
  private static Future<LeftAlone> leftAlone(SqlConnection connection, OrphanTable table) {
    return Rows.counts(connection, "SELECT " + table.orphansSql(), Map.of()).compose(count -> count[0] == 0
        ? Future.succeededFuture(new LeftAlone(0, List.of()))
        : Rows.strings(connection, table.firstLeftAloneSql(NAMED), Map.of()).map(first -> new LeftAlone(count[0], first)));
  }

  private static Map<String, Object> params(String team, String email) {
    return Map.of("team", team, "email", email, "public", "public", "source", MIGRATION_SOURCE);
  }
}
