package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) on the reference's name, tried without waiting on
 * the server: a wait there would be woken the moment the holder releases and take the lock, where
 * the waiter should first ask whether anything is left to do. The name travels as a parameter. The
 * holder is found with {@code IS_USED_LOCK} and the process list.
 */
final class MySqlNamedLock extends MigrationLockTemplate {

  /** The reference's lock name. */
  static final String LOCK_NAME = "mcpgateway_migration";
  private static final int TRY_SECONDS = 0;

  MySqlNamedLock(Vertx vertx) {
    super(vertx);
  }

  @Override
  protected String describe() {
    return "MySQL named lock '" + LOCK_NAME + "'";
  }

  /** GET_LOCK answers 1 (taken), 0 (held elsewhere) or NULL (an error, such as running out of memory): the last is no timeout. */
  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return connection.preparedQuery("SELECT GET_LOCK(?, ?)").execute(Tuple.of(LOCK_NAME, TRY_SECONDS))
        .compose(rows -> {
          Object got = rows.iterator().next().getValue(0);
          if (got instanceof Number n) {
            return Future.succeededFuture(n.intValue() == 1);
          }
          return Future.failedFuture(lockFailed("GET_LOCK returned NULL: the server could not take it (the session was"
              + " killed, or the server ran out of memory); check the server's error log", null));
        });
  }

  @Override
  protected Future<Void> release(SqlConnection connection) {
    return connection.preparedQuery("SELECT RELEASE_LOCK(?)").execute(Tuple.of(LOCK_NAME))
        .compose(rows -> releasedOrFail(rows.iterator().next().getValue(0) instanceof Number n && n.intValue() == 1));
  }

  @Override
  protected Future<Optional<String>> holder(SqlConnection connection) {
    return connection.preparedQuery("SELECT p.ID, p.USER, p.HOST, p.TIME, p.COMMAND FROM information_schema.PROCESSLIST p"
            + " WHERE p.ID = IS_USED_LOCK(?)").execute(Tuple.of(LOCK_NAME))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            return Future.succeededFuture(Optional.<String>empty());
          }
          Row row = rows.iterator().next();
          String who = "connection " + row.getValue(0) + " (user " + row.getValue(1) + ", from " + row.getValue(2)
              + ", " + row.getValue(4) + " for " + row.getValue(3) + " s)";
          return programName(connection, row.getValue(0)).map(program -> Optional.of(program.map(name -> "'" + name + "' ")
              .orElse("") + who));
        });
  }

  /** The holder's program_name attribute, where the server keeps connection attributes (performance_schema on). */
  private static Future<Optional<String>> programName(SqlConnection connection, Object id) {
    return connection.preparedQuery("SELECT ATTR_VALUE FROM performance_schema.session_connect_attrs"
            + " WHERE PROCESSLIST_ID = ? AND ATTR_NAME = 'program_name'").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? Optional.ofNullable(rows.iterator().next().getString(0)) : Optional.<String>empty())
        .otherwise(Optional.empty());
  }
}
