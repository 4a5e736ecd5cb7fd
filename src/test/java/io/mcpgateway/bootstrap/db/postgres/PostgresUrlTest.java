package io.mcpgateway.bootstrap.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {

  @ParameterizedTest
  @CsvSource({
      "'',              DISABLE, jdbc:postgresql://db:5432/gw",
      "?sslmode=disable, DISABLE, jdbc:postgresql://db:5432/gw?sslmode=disable",
      "?sslmode=prefer,  PREFER,  jdbc:postgresql://db:5432/gw?sslmode=prefer",
      "?sslmode=require, REQUIRE, jdbc:postgresql://db:5432/gw?sslmode=require",
  })
  void sslmodeReachesBothClients(String query, SslMode reactive, String jdbc) {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw" + query);

    assertEquals(reactive, PostgresConnectOptions.of(url).getSslMode());
    assertEquals(jdbc, url.jdbcUrl());
  }

  @Test
  void certificateVerificationIsRefusedNotIgnored() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgresql://u@db/gw?sslmode=verify-full"));
    assertTrue(error.getMessage().contains("verify-full"), error.getMessage());
  }
}
