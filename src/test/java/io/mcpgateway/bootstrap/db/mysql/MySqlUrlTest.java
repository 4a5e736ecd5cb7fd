package io.mcpgateway.bootstrap.db.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.mysqlclient.SslMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MySqlUrlTest {

  @ParameterizedTest
  @CsvSource({
      "'',                                 DISABLED,  disable",
      "?ssl-mode=DISABLED,                 DISABLED,  disable",
      "?ssl-mode=PREFERRED,                PREFERRED, disable",
      "?ssl-mode=REQUIRED&charset=utf8mb4, REQUIRED,  trust",
      "?ssl_mode=required,                 REQUIRED,  trust",
  })
  void sslModeReachesBothClients(String query, SslMode reactive, String jdbc) throws Throwable {
    DatabaseUrl url = DatabaseUrl.parse("mysql://u:p@db/gw" + query);

    assertEquals(reactive, MySqlConnectOptions.of(url, Agents.await(ClientTls.prepare(MySqlTls.settings(url), null))).getSslMode());
    assertEquals(Map.of("sslMode", jdbc, "database", "gw"), url.jdbcProperties());
    assertEquals("jdbc:mariadb://db:3306/", url.jdbcUrl(), "the database travels as a property");
  }

  @Test
  void theVerifyingModesGoThroughTheAgentsPlugin() {
    DatabaseUrl url = DatabaseUrl.parse("mysql://u@db/gw?ssl-mode=VERIFY_IDENTITY&ssl-ca=/ca.pem&ssl_cert=/c.pem&ssl-key=/c.key");

    assertEquals(Map.of("sslMode", "verify-full", "tlsSocketType", PemTlsSocketPlugin.TYPE, "serverSslCert", "/ca.pem",
        PemTlsSocketPlugin.CLIENT_CERT, "/c.pem", PemTlsSocketPlugin.CLIENT_KEY, "/c.key", "database", "gw"), url.jdbcProperties());
  }

  @Test
  void aVerifyingModeWithoutItsCaIsRefusedNotIgnored() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("mysql://u@db/gw?ssl-mode=VERIFY_IDENTITY"));
    assertEquals(Reason.BAD_URL, error.reason());
  }
}
