package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.support.Agents;
import io.mcpgateway.bootstrap.support.ServerEndpoint;
import io.mcpgateway.bootstrap.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database whose name is full of URL syntax: Flyway's JDBC connection and the reactive client
 * must both reach that one database (pgjdbc decodes the name from its URL; Connector/J cuts it at
 * a {@code ?}), or Flyway would migrate another database, or none.
 */
@ExtendWith(VertxExtension.class)
class DatabaseNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void flywayAndTheReactiveClientOpenTheSameOddlyNamedDatabase(String vendor, Vertx vertx) throws Throwable {
    DatabaseUrl server = vendor.equals("postgresql") ? TestDatabases.postgresServer() : TestDatabases.mysqlServer();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    // The prefix a CI user may be granted databases by (dbboot\_%).
    String name = vendor.equals("postgresql") ? "dbboot_ a+b%41/c?d&e=" + suffix : "dbboot_ a+b%41?c&d=" + suffix;
    String quoted = vendor.equals("postgresql") ? '"' + name + '"' : '`' + name + '`';
    ServerEndpoint endpoint = new ServerEndpoint(server);
    endpoint.execute("CREATE DATABASE " + quoted);
    try {
      String credentials = encoded(server.user()) + (server.password() == null || server.password().isEmpty() ? ""
          : ":" + encoded(server.password()));
      JsonObject settings = new JsonObject().put("DATABASE_URL", vendor + "://" + credentials + "@" + server.hostAndPort() + "/"
              + encoded(name))
          .put("PLATFORM_ADMIN_PASSWORD", "s3cret-Passw0rd").put("BCRYPT_COST", "4");

      JsonObject first = Agents.await(Agents.bootstrap(vertx, settings));
      JsonObject second = Agents.await(Agents.bootstrap(vertx, settings));

      assertEquals(3, first.getInteger("migrationsApplied"), first.encode());
      assertEquals("3", second.getString("schemaVersion"), "the reactive client reads the history Flyway wrote");
      assertEquals(false, second.getBoolean("lockTaken"), second.encode());
    } finally {
      endpoint.execute("DROP DATABASE " + quoted + (vendor.equals("postgresql") ? " WITH (FORCE)" : ""));
    }
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
