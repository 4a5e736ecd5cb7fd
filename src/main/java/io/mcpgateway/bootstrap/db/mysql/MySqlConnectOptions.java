package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.vertx.mysqlclient.MySQLConnectOptions;

/** The reactive client's options for a URL: server, credentials, TLS and pipelining. */
final class MySqlConnectOptions {

  /** The client sends one statement at a time unless told otherwise; the orphan step sends six. */
  private static final int PIPELINING = 8;

  private MySqlConnectOptions() {
  }

  static MySQLConnectOptions of(DatabaseUrl url, ClientTls tls) {
    MySQLConnectOptions options = new MySQLConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password() == null ? "" : url.password())
        .setPipeliningLimit(PIPELINING)
        // An UPDATE says how many rows it changed, not how many it matched (UPDATE IGNORE refuses some).
        .setUseAffectedRows(true);
    // A connection attribute, shown in performance_schema: whoever waits for the lock can name its holder.
    options.addProperty("program_name", AgentIdentity.name());
    return MySqlTls.apply(options, tls);
  }
}
