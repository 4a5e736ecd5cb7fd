package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.ConnectionFailures;
import io.vertx.pgclient.PgException;

/** PostgreSQL's SQLSTATEs for a connection that did not open: class 28 a rejected login, 3D000 an unknown database. */
final class PostgresConnectFailures implements ConnectionFailures.Codes {

  static final PostgresConnectFailures CODES = new PostgresConnectFailures();

  private static final String INVALID_AUTHORIZATION_CLASS = "28";
  private static final String INVALID_CATALOG_NAME = "3D000";
  private static final String INVALID_AUTHORIZATION = "28000";

  @Override
  public String loginRejected(Throwable failure) {
    return failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith(INVALID_AUTHORIZATION_CLASS)
        ? pg.getErrorMessage() : null;
  }

  /** pg_hba.conf has only hostssl lines for us: "... no encryption" (28000). */
  @Override
  public String tlsRequired(Throwable failure) {
    return failure instanceof PgException pg && INVALID_AUTHORIZATION.equals(pg.getSqlState()) && pg.getErrorMessage() != null
        && pg.getErrorMessage().endsWith("no encryption") ? pg.getErrorMessage() : null;
  }

  @Override
  public boolean unknownDatabase(Throwable failure) {
    return failure instanceof PgException pg && INVALID_CATALOG_NAME.equals(pg.getSqlState());
  }
}
