package io.mcpgateway.bootstrap.db.mysql;

import io.mcpgateway.bootstrap.db.ClassWarmUp;
import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.db.DedicatedConnection;
import io.mcpgateway.bootstrap.db.MigrationLock;
import io.mcpgateway.bootstrap.db.ServerUrl;
import io.mcpgateway.bootstrap.db.SqlDialect;
import io.mcpgateway.bootstrap.db.Vendor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.sqlclient.DatabaseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL and MariaDB: the reactive MySQL client for the run, MariaDB Connector/J (which speaks to
 * both servers) for Flyway, a named lock ({@code GET_LOCK}).
 */
public final class MySqlVendor implements Vendor {

  private static final String NO_SUCH_TABLE = "42S02";

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public String displayName() {
    return "MySQL/MariaDB";
  }

  @Override
  public List<String> schemes() {
    return List.of("mysql", "mariadb");
  }

  @Override
  public String urlForms() {
    return "mysql://user:pass@host:3306/db (also mariadb://, mysql+driver://, jdbc:mysql://, jdbc:mariadb://)";
  }

  @Override
  public DatabaseUrl parse(String afterScheme, boolean jdbc) {
    ServerUrl server = ServerUrl.parse(this, afterScheme, 3306);
    return server.toDatabaseUrl(this, MySqlTls.accept(server.parameters()));
  }

  /**
   * Without the database: Connector/J takes the URL's path verbatim up to a {@code ?}, so a name
   * with one would open another database. It travels as the {@code database} property instead.
   */
  @Override
  public String jdbcUrl(DatabaseUrl url) {
    return "jdbc:mariadb://" + url.hostAndPort() + "/";
  }

  @Override
  public Map<String, String> jdbcProperties(DatabaseUrl url) {
    Map<String, String> properties = new LinkedHashMap<>(MySqlTls.jdbcProperties(url));
    properties.put("database", url.database());
    return properties;
  }

  @Override
  public Future<DedicatedConnection> connect(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return ClientTls.prepare(MySqlTls.settings(url), worker).compose(tls -> MySQLConnection.connect(vertx,
            MySqlConnectOptions.of(url, tls))
        .recover(failure -> Future.failedFuture(tls.classify(failure, url, MySqlConnectFailures.CODES))))
        // DATETIME columns keep no zone: write UTC, as PostgreSQL, SQLite and the reference do.
        .compose(connection -> connection.query("SET time_zone = '+00:00'").execute()
            .map(set -> DedicatedConnection.of(connection))
            .recover(failure -> connection.close().transform(closed -> Future.failedFuture(failure))));
  }

  @Override
  public MigrationLock migrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    return new MySqlNamedLock(vertx);
  }

  @Override
  public SqlDialect dialect() {
    return MySqlDialect.INSTANCE;
  }

  @Override
  public boolean isMissingTable(Throwable failure) {
    return failure instanceof DatabaseException db && NO_SUCH_TABLE.equals(db.getSqlState());
  }

  @Override
  public void warmUp() {
    ClassWarmUp.serverConnection(List.of("io.vertx.mysqlclient.impl.MySQLCollation",
        "io.vertx.mysqlclient.impl.datatype.DataTypeCodec"));
  }
}
