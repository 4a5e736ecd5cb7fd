package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The reactive client's options for a URL: server, credentials, TLS, and what lets the same
 * connection go through PgBouncer in transaction mode: no statement cache and unnamed statements
 * (useLayer7Proxy; a named statement lives on one server connection), and no extra_float_digits in
 * the start-up packet (PgBouncer refuses parameters it does not know; PostgreSQL 12+ prints floats
 * exactly without it). The connection names itself for whoever looks for the lock's holder.
 */
final class PostgresConnectOptions {

  private PostgresConnectOptions() {
  }

  static PgConnectOptions of(DatabaseUrl url, ClientTls tls) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password() == null ? "" : url.password())
        .setUseLayer7Proxy(true)
        .setCachePreparedStatements(false);
    options.getProperties().remove("extra_float_digits");
    options.addProperty("application_name", AgentIdentity.name());
    return PostgresTls.apply(options, tls);
  }
}
