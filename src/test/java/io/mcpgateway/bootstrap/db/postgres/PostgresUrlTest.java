package io.mcpgateway.bootstrap.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.ClientTls;
import io.mcpgateway.bootstrap.db.DatabaseUrl;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.Agents;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {

  @ParameterizedTest
  @CsvSource({
      "'',               PREFER,  prefer",
      "?sslmode=disable, DISABLE, disable",
      "?sslmode=allow,   PREFER,  prefer",
      "?sslmode=prefer,  PREFER,  prefer",
      "?sslmode=require, REQUIRE, require",
  })
  void sslmodeReachesBothClientsWithLibpqsDefault(String query, SslMode reactive, String jdbc) throws Throwable {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw" + query);

    PgConnectOptions options = options(url);
    assertEquals(reactive, options.getSslMode());
    assertEquals(reactive != SslMode.DISABLE, options.getSslOptions() != null && options.getSslOptions().isTrustAll(),
        "encrypting without verifying trusts any certificate, as libpq's " + jdbc + " does");
    assertEquals(Map.of("sslmode", jdbc), url.jdbcProperties());
  }

  @Test
  void theVerifyingModesTakeTheFilesToBothClients() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw?sslmode=verify-full&sslrootcert=/etc/db/ca.pem"
        + "&sslcert=/etc/db/client.pem&sslkey=/etc/db/client.key");

    assertEquals(Map.of("sslmode", "verify-full", "sslfactory", PemSocketFactory.class.getName(), "sslrootcert", "/etc/db/ca.pem",
        "sslcert", "/etc/db/client.pem", "sslkey", "/etc/db/client.key"), url.jdbcProperties());
    assertEquals("verify-ca", DatabaseUrl.parse("postgresql://u@db/gw?sslmode=require&sslrootcert=/ca.pem").jdbcProperties()
        .get("sslmode"), "a CA turns require into verify-ca, as in libpq");
  }

  @Test
  void aVerifyingModeWithoutItsCaOrACaThatWouldBeIgnoredIsRefused() {
    for (String query : new String[] {"?sslmode=verify-full", "?sslmode=verify-ca", "?sslmode=prefer&sslrootcert=/ca.pem",
        "?sslmode=verify-full&sslrootcert=/ca.pem&sslcert=/c.pem", "?sslmode=verify-full&sslrootcert="}) {
      BootstrapException error = assertThrows(BootstrapException.class, () -> DatabaseUrl.parse("postgresql://u@db/gw" + query));
      assertEquals(Reason.BAD_URL, error.reason(), query);
      assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }
  }

  /** PgBouncer in transaction mode hands statements to any server connection: no prepared statements, no session SETs. */
  @Test
  void bothClientsSurviveATransactionPooler() throws Throwable {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/gw");
    PgConnectOptions options = options(url);

    assertTrue(options.getUseLayer7Proxy());
    assertFalse(options.getCachePreparedStatements());
    assertEquals(AgentIdentity.name(), options.getProperties().get("application_name"));
    assertFalse(options.getProperties().containsKey("extra_float_digits"), options.getProperties().toString());
    assertTrue(url.jdbcUrl().contains("prepareThreshold=0"), url.jdbcUrl());
  }

  @Test
  void disablingTlsSendsNoTlsOptions() throws Throwable {
    assertNull(options(DatabaseUrl.parse("postgresql://u@db/gw?sslmode=disable")).getSslOptions());
  }

  /** The non-verifying modes need no worker: nothing is read from disk. */
  private static PgConnectOptions options(DatabaseUrl url) throws Throwable {
    return PostgresConnectOptions.of(url, Agents.await(ClientTls.prepare(PostgresTls.settings(url), null)));
  }
}
