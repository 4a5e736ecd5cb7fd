package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.ClassWarmUp;
import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.db.MigrationLock;
import io.mcpgateway.bootstrap.db.ServerUrl;
import io.mcpgateway.bootstrap.db.SqlDialect;
import io.mcpgateway.bootstrap.db.TlsMode;
import io.mcpgateway.bootstrap.db.Vendor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.DatabaseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** PostgreSQL: the reactive client for the run, pgjdbc for Flyway, a session advisory lock. */
public final class PostgresVendor implements Vendor {

  private static final String UNDEFINED_TABLE = "42P01";

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  @Override
  public List<String> schemes() {
    return List.of("postgresql", "postgres");
  }

  @Override
  public String urlForms() {
    return "postgresql://user:pass@host:5432/db (also postgres://, postgresql+driver://, jdbc:postgresql://)";
  }

  @Override
  public DatabaseUrl parse(String afterScheme, boolean jdbc) {
    ServerUrl server = ServerUrl.parse(this, afterScheme, 5432);
    return server.toDatabaseUrl(this, PostgresTls.accept(server.parameters()));
  }

  /**
   * For Flyway: prepareThreshold=0 keeps pgjdbc to unnamed statements, which survive PgBouncer in
   * transaction mode (a named one lives on one server connection). pgjdbc decodes the database
   * name from the URL, so it is encoded: a name with {@code %}, {@code +} or {@code /} stays itself.
   */
  @Override
  public String jdbcUrl(DatabaseUrl url) {
    return "jdbc:postgresql://" + url.hostAndPort() + "/" + URLEncoder.encode(url.database(), StandardCharsets.UTF_8)
        + "?prepareThreshold=0&ApplicationName=" + URLEncoder.encode(AgentIdentity.name(), StandardCharsets.UTF_8);
  }

  @Override
  public Map<String, String> jdbcProperties(DatabaseUrl url) {
    return PostgresTls.jdbcProperties(url);
  }

  @Override
  public Future<DedicatedConnection> connect(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return ClientTls.prepare(PostgresTls.settings(url), worker).compose(tls -> {
      boolean prefer = tls.mode() == TlsMode.PREFER;
      PgConnectOptions options = PostgresConnectOptions.of(url, tls);
      if (prefer && PlainTextServers.answeredNo(url)) {
        options.setSslMode(SslMode.DISABLE);
      }
      return PgConnection.connect(vertx, options)
          .map(connection -> {
            if (prefer && !connection.isSSL()) {
              PlainTextServers.rememberNo(url);
            }
            return DedicatedConnection.of(connection);
          })
          .recover(failure -> Future.failedFuture(tls.classify(failure, url, PostgresConnectFailures.CODES)));
    });
  }

  @Override
  public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return new PostgresAdvisoryLock(vertx);
  }

  @Override
  public SqlDialect dialect() {
    return PostgresDialect.INSTANCE;
  }

  @Override
  public boolean isMissingTable(Throwable failure) {
    return failure instanceof DatabaseException db && UNDEFINED_TABLE.equals(db.getSqlState());
  }

  @Override
  public void warmUp() {
    ClassWarmUp.serverConnection(List.of("io.vertx.pgclient.impl.codec.DataTypeCodec", "io.vertx.pgclient.impl.codec.DataType"));
  }
}
