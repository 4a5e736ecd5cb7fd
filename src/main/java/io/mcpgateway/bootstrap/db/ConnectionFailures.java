package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The one-line failures a vendor reports when a connection cannot be opened, worded the same for
 * every database: each names the server, the user where it matters, and the fix. A vendor decides
 * which applies from its own error codes; the wording lives here.
 */
public final class ConnectionFailures {

  private ConnectionFailures() {
  }

  /** How one vendor tells a failed connection's cause from its own error codes. */
  public interface Codes {
    /** The server's sentence when it rejected the login, else null. */
    String loginRejected(Throwable failure);

    boolean unknownDatabase(Throwable failure);

    /** The server's sentence when it refused a connection for not using TLS, else null. */
    default String tlsRequired(Throwable failure) {
      return null;
    }
  }

  /** The failure of a connection that did not open, as the one line that names its cause and fix. */
  public static BootstrapException classify(Throwable failure, DatabaseUrl url, Codes codes) {
    if (failure instanceof BootstrapException known) {
      return known;
    }
    if (isUnreachable(failure)) {
      return unreachable(url, failure);
    }
    String withoutTls = codes.tlsRequired(failure);
    if (withoutTls != null) {
      return new BootstrapException(Reason.TLS_FAILED, url.where() + " accepts only TLS connections (" + safe(withoutTls, url)
          + "); set sslmode=verify-full with sslrootcert=FILE in DATABASE_URL", failure);
    }
    String rejected = codes.loginRejected(failure);
    if (rejected != null) {
      return loginRejected(url, rejected, failure);
    }
    if (codes.unknownDatabase(failure)) {
      return unknownDatabase(url, failure);
    }
    return cannotConnect(url, failure);
  }

  /** The network said no: refused, unknown host, timed out. */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
          || t.getClass().getName().endsWith("ConnectTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  public static BootstrapException unreachable(DatabaseUrl url, Throwable failure) {
    return new BootstrapException(Reason.UNREACHABLE, "cannot reach " + url.where() + " (" + safe(rootMessage(failure), url)
        + "); is the server running and DATABASE_URL's host and port right?", failure);
  }

  public static BootstrapException loginRejected(DatabaseUrl url, String serverMessage, Throwable failure) {
    return new BootstrapException(Reason.AUTH, url.where() + " rejected user '" + url.user() + "' ("
        + safe(serverMessage, url) + "); check the user and password in DATABASE_URL", failure);
  }

  public static BootstrapException unknownDatabase(DatabaseUrl url, Throwable failure) {
    return new BootstrapException(Reason.BAD_URL, "database '" + url.database() + "' does not exist on " + url.where()
        + "; create it or fix DATABASE_URL", failure);
  }

  /** Anything else that stopped the connection from opening. */
  public static BootstrapException cannotConnect(DatabaseUrl url, Throwable failure) {
    return new BootstrapException(Reason.UNREACHABLE, "cannot open a connection to " + url.where() + ": "
        + safe(rootMessage(failure), url), failure);
  }

  /** Removes the password from a message, should a driver ever echo it, and keeps it on one line. */
  public static String safe(String message, DatabaseUrl url) {
    String text = message == null ? "" : message.replace('\n', ' ');
    String password = url.password();
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }

  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
