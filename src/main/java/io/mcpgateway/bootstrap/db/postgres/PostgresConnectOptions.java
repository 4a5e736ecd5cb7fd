package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;

/** The reactive client's options for a URL: server, credentials and TLS. */
final class PostgresConnectOptions {

  private PostgresConnectOptions() {
  }

  static PgConnectOptions of(DatabaseUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password() == null ? "" : url.password());
    return PostgresTls.apply(options, url);
  }
}
