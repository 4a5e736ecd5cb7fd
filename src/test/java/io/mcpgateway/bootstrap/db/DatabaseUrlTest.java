package io.mcpgateway.bootstrap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @ParameterizedTest
  @CsvSource({
      "postgresql://u:p@db:5433/gw,            postgresql, db, 5433, gw",
      "postgresql+psycopg://u:p@db/gw,         postgresql, db, 5432, gw",
      "postgres://u@db/gw,                     postgresql, db, 5432, gw",
      "mysql://u:p@db/gw,                      mysql,    db, 3306, gw",
      "mysql+pymysql://u:p@db:3307/gw?charset=utf8mb4, mysql, db, 3307, gw",
      "mariadb://u:p@db/gw,                    mysql,    db, 3306, gw",
      "jdbc:postgresql://db:5432/gw?user=u&password=p, postgresql, db, 5432, gw",
      "postgresql://u:p@db/gw?sslmode=prefer,   postgresql, db, 5432, gw",
      "jdbc:mariadb://db/gw,                   mysql,    db, 3306, gw",
      "jdbc:mysql://[::1]:3306/gw,             mysql,    ::1, 3306, gw",
  })
  void readsEveryServerForm(String text, String vendor, String host, int port, String database) {
    DatabaseUrl url = DatabaseUrl.parse(text);
    assertEquals(vendor, url.vendor().name());
    assertEquals(host, url.host());
    assertEquals(port, url.port());
    assertEquals(database, url.database());
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
    assertEquals("sqlite", DatabaseUrl.parse("sqlite:///./mcp.db").vendor().name());
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

  @ParameterizedTest
  @ValueSource(strings = {"postgresql://u:topsecret@db/gw?sslcompression=1", "mysql://u:topsecret@db/gw?usessl=true"})
  void unknownParametersAreRefusedByNameNotDropped(String text) {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse(text));
    assertEquals(Reason.BAD_URL, error.reason());
    assertTrue(error.getMessage().contains("parameter '" + text.substring(text.indexOf('?') + 1, text.indexOf('='))
        + "'"), error.getMessage());
    assertFalse(error.getMessage().contains("topsecret"));
  }

  @Test
  void aUrlThatLostItsSlashesNeverShowsWhatStoodBeforeItsFirstColon() {
    // "postgresql://gw:topsecret@db:5432/gw" without "ql://gw:": the password now stands in the scheme's place
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgrestopsecret@db:5432/gw"));

    assertEquals(Reason.BAD_URL, error.reason());
    assertTrue(error.getMessage().startsWith("DATABASE_URL does not start with a known scheme;"), error.getMessage());
    assertTrue(assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("oracle://u:topsecret@db/gw")).getMessage()
        .startsWith("DATABASE_URL scheme 'oracle' is not supported;"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql://u@db/gw?sslmode=requirepassword=topsecret", "postgresql://u@db/gw?passwordtopsecret",
      "postgresql://u@db/gw?password%3Dtopsecret=1", "mysql://u@db/gw?ssl-mode=REQUIREDpassword=topsecret",
      "mysql://u@db/gw?ssl-mode=REQUIRED&user=u&passwordtopsecret"})
  void aQueryThatLostAnAmpersandOrAnEqualsSignNeverShowsThePassword(String text) {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse(text));

    assertEquals(Reason.BAD_URL, error.reason());
    assertFalse(error.getMessage().contains("topsecret"), error.getMessage());
  }

  @Test
  void aPlainMisspellingIsStillNamed() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgresql://u@db/gw?sslmode=verify_full"));

    assertTrue(error.getMessage().contains("sslmode 'verify_full' is not supported"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite:///mcp%00.db", "jdbc:sqlite:/data/mcp\u0000.db", "sqlite:///mcp\uD800.db"})
  void aSqlitePathNoFileCanHaveIsABadUrl(String text) {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse(text));

    assertEquals(Reason.BAD_URL, error.reason());
  }
}
