package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.db.DatabaseKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @ParameterizedTest
  @CsvSource({
      "postgresql://u:p@db:5433/gw,            POSTGRES, db, 5433, gw",
      "postgresql+psycopg://u:p@db/gw,         POSTGRES, db, 5432, gw",
      "postgres://u@db/gw,                     POSTGRES, db, 5432, gw",
      "mysql://u:p@db/gw,                      MYSQL,    db, 3306, gw",
      "mysql+pymysql://u:p@db:3307/gw?charset=utf8mb4, MYSQL, db, 3307, gw",
      "mariadb://u:p@db/gw,                    MYSQL,    db, 3306, gw",
      "jdbc:postgresql://db:5432/gw?user=u&password=p, POSTGRES, db, 5432, gw",
      "postgresql://u:p@db/gw?sslmode=prefer,   POSTGRES, db, 5432, gw",
      "jdbc:mariadb://db/gw,                   MYSQL,    db, 3306, gw",
      "jdbc:mysql://[::1]:3306/gw,             MYSQL,    ::1, 3306, gw",
  })
  void readsEveryServerForm(String text, DatabaseKind kind, String host, int port, String database) {
    DatabaseUrl url = DatabaseUrl.parse(text);
    assertEquals(kind, url.kind());
    assertEquals(host, url.host());
    assertEquals(port, url.port());
    assertEquals(database, url.database());
  }

  @ParameterizedTest
  @CsvSource({
      "postgresql://u@db/gw,                true",
      "mysql://u@db.example.com/gw,         true",
      "postgresql://u@localhost/gw,         true",
      "postgresql://u@127.0.0.1:5432/gw,    false",
      "mysql://u@10.0.0.12/gw,              false",
      "mysql://u@[::1]:3306/gw,             false",
      "postgresql://u@1234.5.6.7/gw,        true",
      "sqlite:///./mcp.db,                  false",
  })
  void onlyAHostNameNeedsALookup(String text, boolean lookup) {
    assertEquals(lookup, DatabaseUrl.parse(text).needsNameLookup());
  }

  @Test
  void decodesPercentEncodedCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app%2Buser:p%40ss%3Aw+rd@db/gw");
    assertEquals("app+user", url.user());
    assertEquals("p@ss:w+rd", url.password());
  }

  @Test
  void readsSqliteRelativeAndAbsolutePaths() {
    assertEquals(Path.of("./mcp.db"), DatabaseUrl.parse("sqlite:///./mcp.db").file());
    assertEquals(Path.of("relative.db"), DatabaseUrl.parse("sqlite:///relative.db").file());
    assertEquals(Path.of("/var/lib/mcp/abs.db"), DatabaseUrl.parse("sqlite:////var/lib/mcp/abs.db").file());
    assertEquals(Path.of("/data/x.db"), DatabaseUrl.parse("jdbc:sqlite:/data/x.db").file());
    assertEquals(DatabaseKind.SQLITE, DatabaseUrl.parse("sqlite:///./mcp.db").kind());
  }

  @Test
  void sslModesReachBothClients() {
    DatabaseUrl pg = DatabaseUrl.parse("postgresql://u:p@db/gw?sslmode=require");
    assertEquals(TlsMode.REQUIRE, pg.tls());
    assertEquals("jdbc:postgresql://db:5432/gw?sslmode=require", pg.jdbcUrl());
    assertEquals(io.vertx.pgclient.SslMode.REQUIRE,
        io.mcpgateway.bootstrap.lock.PostgresAdvisoryLock.connectOptions(pg).getSslMode());
    DatabaseUrl my = DatabaseUrl.parse("mysql://u:p@db/gw?ssl-mode=REQUIRED&charset=utf8mb4");
    assertEquals(TlsMode.REQUIRE, my.tls());
    assertEquals("jdbc:mariadb://db:3306/gw?sslMode=trust", my.jdbcUrl());
    assertEquals(io.vertx.mysqlclient.SslMode.REQUIRED,
        io.mcpgateway.bootstrap.lock.MySqlNamedLock.connectOptions(my).getSslMode());
    assertEquals(TlsMode.DISABLE, DatabaseUrl.parse("postgresql://u@db/gw?sslmode=disable").tls());
  }

  @Test
  void unknownParametersAreRefusedByNameNotDropped() {
    BootstrapException error = assertThrows(BootstrapException.class,
        () -> DatabaseUrl.parse("postgresql://u:topsecret@db/gw?sslrootcert=/ca.pem"));
    assertEquals(Reason.BAD_URL, error.reason());
    assertTrue(error.getMessage().contains("'sslrootcert'"), error.getMessage());
    assertFalse(error.getMessage().contains("topsecret"));
    assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgresql://u@db/gw?sslmode=verify-full"));
  }

  @Test
  void printableFormsNeverShowThePassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:topsecret@db/gw");
    assertFalse(url.toString().contains("topsecret"));
    assertFalse(url.redacted().contains("topsecret"));
    assertFalse(url.jdbcUrl().contains("topsecret"));
    assertEquals("postgresql://u:***@db:5432/gw", url.redacted());
  }

  @ParameterizedTest
  @ValueSource(strings = {"oracle://u:topsecret@db/gw", "postgresql://u:topsecret@db", "postgresql://u:topsecret@db:port/gw",
      "sqlite://topsecret.db", "sqlite:///:memory:", "topsecret", ""})
  void badUrlsFailWithTheAcceptedFormsAndNoSecret(String text) {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse(text));
    assertEquals(Reason.BAD_URL, error.reason());
    assertTrue(error.getMessage().contains("accepted forms"), error.getMessage());
    assertFalse(error.getMessage().contains("topsecret"), error.getMessage());
  }
}
