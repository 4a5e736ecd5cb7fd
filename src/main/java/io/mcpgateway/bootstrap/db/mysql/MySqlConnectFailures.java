package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.ConnectionFailures;
import io.vertx.mysqlclient.MySQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's error codes for a connection that did not open: SQLSTATE class 28 a rejected login (1045,
 * or 1698 when the account authenticates another way), 1049 an unknown database.
 */
final class MySqlConnectFailures implements ConnectionFailures.Codes {

  static final MySqlConnectFailures CODES = new MySqlConnectFailures();

  private static final String INVALID_AUTHORIZATION_CLASS = "28";
  private static final int UNKNOWN_DATABASE = 1049;
  /** The client renders its errors as a map; the server's sentence is one entry of it. */
  private static final Pattern SERVER_MESSAGE = Pattern.compile("errorMessage=(.*?), errorCode=");

  @Override
  public String loginRejected(Throwable failure) {
    if (failure instanceof MySQLException mysql && mysql.getSqlState() != null
        && mysql.getSqlState().startsWith(INVALID_AUTHORIZATION_CLASS)) {
      Matcher matcher = SERVER_MESSAGE.matcher(String.valueOf(mysql.getMessage()));
      return matcher.find() ? matcher.group(1) : String.valueOf(mysql.getMessage());
    }
    return null;
  }

  @Override
  public boolean unknownDatabase(Throwable failure) {
    return failure instanceof MySQLException mysql && mysql.getErrorCode() == UNKNOWN_DATABASE;
  }
}
