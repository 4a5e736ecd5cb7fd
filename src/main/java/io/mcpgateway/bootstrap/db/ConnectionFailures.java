package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure to open a connection into a one-line {@link BootstrapException} that names the
 * server, the user and the fix. SQLSTATE classes are standard, so one mapping serves every server:
 * 28 is a rejected login, 3D000 (and MySQL's 1049) an unknown database.
 */
public final class ConnectionFailures {

  private static final int MYSQL_ACCESS_DENIED = 1045;
  private static final int MYSQL_UNKNOWN_DATABASE = 1049;
  private static final Pattern MYSQL_MESSAGE = Pattern.compile("errorMessage=(.*?), errorCode=");

  private ConnectionFailures() {
  }

  public static BootstrapException classify(Throwable failure, DatabaseUrl url) {
    if (failure instanceof BootstrapException known) {
      return known;
    }
    String where = url.kind().displayName() + " at " + url.hostAndPort();
    if (isUnreachable(failure)) {
      return new BootstrapException(Reason.UNREACHABLE, "cannot reach " + where
          + " (" + rootMessage(failure) + "); is the server running and DATABASE_URL's host and port right?", failure);
    }
    if (failure instanceof DatabaseException db) {
      String state = db.getSqlState() == null ? "" : db.getSqlState();
      if (state.startsWith("28") || db.getErrorCode() == MYSQL_ACCESS_DENIED) {
        return new BootstrapException(Reason.AUTH, where + " rejected user '" + url.user()
            + "' (" + safe(serverMessage(db), url) + "); check the user and password in DATABASE_URL", failure);
      }
      if (state.equals("3D000") || db.getErrorCode() == MYSQL_UNKNOWN_DATABASE) {
        return new BootstrapException(Reason.BAD_URL, "database '" + url.database() + "' does not exist on " + where
            + "; create it or fix DATABASE_URL", failure);
      }
    }
    return new BootstrapException(Reason.UNREACHABLE, "cannot open a connection to " + where + ": "
        + safe(rootMessage(failure), url), failure);
  }

  /** Removes the password from a message, should a driver ever echo it. */
  public static String safe(String message, DatabaseUrl url) {
    String text = message == null ? "" : message.replace('\n', ' ');
    String password = url.password();
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }

  /** The MySQL client renders its errors as a map; keep only the server's sentence. */
  private static String serverMessage(DatabaseException failure) {
    String message = String.valueOf(failure.getMessage());
    Matcher mysql = MYSQL_MESSAGE.matcher(message);
    return mysql.find() ? mysql.group(1) : message;
  }

  private static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException
          || t.getClass().getName().endsWith("ConnectTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
