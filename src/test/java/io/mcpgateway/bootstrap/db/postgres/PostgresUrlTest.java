package io.mcpgateway.bootstrap.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {

  @ParameterizedTest
  @CsvSource({
      "'',              DISABLE, jdbc:postgresql://db:5432/gw?",
      "?sslmode=disable, DISABLE, jdbc:postgresql://db:5432/gw?sslmode=disable&",
      "?sslmode=prefer,  PREFER,  jdbc:postgresql://db:5432/gw?sslmode=prefer&",
      "?sslmode=require, REQUIRE, jdbc:postgresql://db:5432/gw?sslmode=require&",
  })
  void sslmodeReachesBothClients(String query, SslMode reactive, String jdbc) {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw" + query);

    assertEquals(reactive, PostgresConnectOptions.of(url).getSslMode());
    assertEquals(jdbc + "prepareThreshold=0&ApplicationName=" + URLEncoder.encode(AgentIdentity.name(), StandardCharsets.UTF_8),
        url.jdbcUrl());
  }

  /** PgBouncer in transaction mode hands statements to any server connection: no prepared statements, no session SETs. */
  @Test
  void bothClientsSurviveATransactionPooler() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw");
    PgConnectOptions options = PostgresConnectOptions.of(url);

    assertTrue(options.getUseLayer7Proxy());
    assertFalse(options.getCachePreparedStatements());
    assertEquals(AgentIdentity.name(), options.getProperties().get("application_name"));
    assertFalse(options.getProperties().containsKey("extra_float_digits"), options.getProperties().toString());
    assertTrue(url.jdbcUrl().contains("prepareThreshold=0"), url.jdbcUrl());
  }

  @Test
  void certificateVerificationIsRefusedNotIgnored() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgresql://u@db/gw?sslmode=verify-full"));
    assertTrue(error.getMessage().contains("verify-full"), error.getMessage());
  }
}
