package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL advisory lock on the reference's key, held by a transaction: {@code
 * pg_try_advisory_xact_lock} in a transaction that stays open for the whole run, on a connection of
 * its own, and is committed to release it. Unlike a session lock, which a pooler in transaction mode
 * (PgBouncer) hands to whichever client gets the server connection next, it pins one server
 * connection for as long as it is held and cannot outlive it. Session and transaction advisory locks
 * share one key space, so a Python gateway's session lock on the key still excludes it, both ways.
 * Every statement is a plain query of constants: no prepared statement to lose in a pooler.
 */
final class PostgresAdvisoryLock extends MigrationLockTemplate {

  /** The reference's key: {@code pg_lock_id = 42424242424242}. */
  static final long LOCK_KEY = 42424242424242L;
  /** How pg_locks shows a bigint key: its high and low 32 bits, objsubid 1. */
  private static final String THIS_KEY = "l.locktype = 'advisory' AND l.classid = " + (LOCK_KEY >>> 32)
      + " AND l.objid = " + (LOCK_KEY & 0xFFFFFFFFL) + " AND l.objsubid = 1";
  /** A pooler or the server may end a transaction that is idle too long; a statement keeps it alive. */
  private static final long KEEP_ALIVE_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

  private Transaction held;
  private long keepAlive = -1;

  PostgresAdvisoryLock(Vertx vertx) {
    super(vertx);
  }

  @Override
  protected String describe() {
    return "PostgreSQL advisory lock " + LOCK_KEY;
  }

  @Override
  public boolean occupiesItsConnection() {
    return true;
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return connection.begin().compose(tx -> connection.query("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")").execute()
        .compose(rows -> {
          if (!Boolean.TRUE.equals(rows.iterator().next().getBoolean(0))) {
            return tx.rollback().map(false);
          }
          held = tx;
          keepAlive = vertx.setPeriodic(KEEP_ALIVE_MILLIS, id -> connection.query("SELECT 1").execute()
              .onFailure(lost -> LOG.warn("The migration lock's connection failed ({}): the lock may be lost", lost.getMessage())));
          // The server's own idle and statement limits must not end the transaction that holds the lock.
          return connection.query("SELECT set_config('idle_in_transaction_session_timeout', '0', true),"
              + " set_config('statement_timeout', '0', true)").execute().map(true);
        }, failure -> tx.rollback().transform(rolledBack -> Future.<Boolean>failedFuture(failure))));
  }

  /** Commits the holding transaction, after checking the lock is still this session's. */
  @Override
  protected Future<Void> release(SqlConnection connection) {
    vertx.cancelTimer(keepAlive);
    Transaction tx = held;
    held = null;
    if (tx == null) {
      return releasedOrFail(false);
    }
    return connection.query("SELECT COUNT(*) FROM pg_locks l WHERE " + THIS_KEY + " AND l.granted AND l.pid = pg_backend_pid()")
        .execute()
        .compose(rows -> ((Number) rows.iterator().next().getValue(0)).longValue() == 1
            ? tx.commit() : tx.rollback().transform(done -> releasedOrFail(false)));
  }

  @Override
  protected Future<Optional<String>> holder(SqlConnection connection) {
    return connection.query("SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start,"
            + " CAST(EXTRACT(EPOCH FROM now() - a.xact_start) AS BIGINT), a.state"
            + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE " + THIS_KEY + " AND l.granted")
        .execute()
        .map(PostgresAdvisoryLock::describeHolder);
  }

  private static Optional<String> describeHolder(RowSet<Row> rows) {
    if (!rows.iterator().hasNext()) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    StringBuilder who = new StringBuilder("server process ").append(row.getValue(0));
    String application = row.getString(2);
    who.append(application == null || application.isEmpty() ? "" : " '" + application + "'");
    who.append(" (user ").append(row.getValue(1));
    who.append(row.getValue(3) == null ? ", over a local socket" : ", from " + row.getValue(3));
    who.append(", connected ").append(row.getValue(4));
    Object inTransaction = row.getValue(5);
    who.append(inTransaction == null ? ", holding it for its session, now " + row.getValue(6)
        : ", in a transaction for " + inTransaction + " s").append(')');
    return Optional.of(who.toString());
  }
}
