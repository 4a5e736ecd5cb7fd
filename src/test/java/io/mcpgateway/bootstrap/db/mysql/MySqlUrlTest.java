package io.mcpgateway.bootstrap.db.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.vertx.mysqlclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MySqlUrlTest {

  @ParameterizedTest
  @CsvSource({
      "'',                             DISABLED,  jdbc:mariadb://db:3306/gw",
      "?ssl-mode=DISABLED,             DISABLED,  jdbc:mariadb://db:3306/gw",
      "?ssl-mode=PREFERRED,            PREFERRED, jdbc:mariadb://db:3306/gw",
      "?ssl-mode=REQUIRED&charset=utf8mb4, REQUIRED, jdbc:mariadb://db:3306/gw?sslMode=trust",
      "?ssl_mode=required,             REQUIRED,  jdbc:mariadb://db:3306/gw?sslMode=trust",
  })
  void sslModeReachesBothClients(String query, SslMode reactive, String jdbc) {
    DatabaseUrl url = DatabaseUrl.parse("mysql://u:p@db/gw" + query);

    assertEquals(reactive, MySqlConnectOptions.of(url).getSslMode());
    assertEquals(jdbc, url.jdbcUrl());
  }

  @Test
  void certificateVerificationIsRefusedNotIgnored() {
    assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("mysql://u@db/gw?ssl-mode=VERIFY_IDENTITY"));
  }
}
