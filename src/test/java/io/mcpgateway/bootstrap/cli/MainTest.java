package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.config.SettingsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;

class MainTest {

  @Test
  void unknownOptionExitsWithUsageError() {
    assertEquals(2, Main.run(new String[] {"--frobnicate"}, Map.of()));
  }

  @Test
  void helpExitsZero() {
    assertEquals(0, Main.run(new String[] {"--help"}, Map.of()));
  }

  @Test
  void theUsageNamesEveryVariableTheAgentReads() {
    for (String variable : SettingsLoader.environmentVariables()) {
      assertTrue(CommandLine.USAGE.contains(variable), variable + " is read but --help does not name it");
    }
  }

  @Test
  void aBadPushgatewayUrlExitsBeforeTheRun(@TempDir Path folder) {
    Path database = folder.resolve("mcp.db");

    assertEquals(2, Main.run(new String[0], Map.of("DATABASE_URL", "sqlite:///" + database, "PUSHGATEWAY_URL", "pushgateway:9091")));
    assertEquals(false, Files.exists(database));
  }

  @Test
  void badUrlExitsBeforeTouchingAnything() {
    assertEquals(2, Main.run(new String[0], Map.of("DATABASE_URL", "oracle://x/y")));
  }

  @Test
  void oneShotRunOnSqliteExitsZeroAndCreatesTheDatabase(@TempDir Path folder) throws Exception {
    Path config = folder.resolve("bootstrap.json");
    Files.writeString(config, "{\"BCRYPT_COST\": \"4\"}");
    Path database = folder.resolve("data").resolve("mcp.db");

    int code = Main.run(new String[] {"--config", config.toString()}, Map.of("DATABASE_URL", "sqlite:///" + database,
        "PLATFORM_ADMIN_PASSWORD", "one-shot-Passw0rd"));

    assertEquals(0, code);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
         ResultSet hash = connection.createStatement().executeQuery("SELECT password_hash FROM email_users")) {
      assertTrue(hash.next(), "the admin exists");
      assertTrue(BCrypt.checkpw("one-shot-Passw0rd", hash.getString(1)));
    }
  }

  @Test
  void unreachableServerExitsThreeAfterItsRetries() {
    assertEquals(3, Main.run(new String[0], Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:1/gw",
        "DB_MAX_RETRIES", "1", "DB_RETRY_INTERVAL_MS", "100")));
  }
}
