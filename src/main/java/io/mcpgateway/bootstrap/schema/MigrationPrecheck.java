package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Before Flyway applies a migration that adds unique keys, whether existing rows already break
 * them: a migration that fails half way leaves MySQL/MariaDB with half its DDL committed. A pending
 * migration {@code V3__x.sql} has its check in {@code db/precheck/<vendor>/V3__x.sql}, read-only
 * queries that each return one row per offending key value ({@code key_name, key_value, ids});
 * any row refuses the migration before any DDL, naming the rows, and changes nothing. Only the next
 * pending migration is checked: the data it meets exists now, while a later one's tables may not.
 */
final class MigrationPrecheck {

  private static final String FOLDER = "db/precheck/";
  private static final int NAMED = 10;

  private MigrationPrecheck() {
  }

  static void check(MigrationInfo[] pending, Vendor vendor, Connection connection) throws SQLException {
    if (pending.length > 0) {
      MigrationInfo migration = pending[0];
      String script = migration.getScript().substring(migration.getScript().lastIndexOf('/') + 1);
      List<String> queries = queries(FOLDER + vendor.name() + "/" + script);
      List<String> offenders = new ArrayList<>();
      for (String query : queries) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) {
            offenders.add(rows.getString("key_name") + " " + rows.getString("key_value") + " (rows " + rows.getString("ids") + ")");
          }
        }
      }
      if (!offenders.isEmpty()) {
        throw new BootstrapException(Reason.MIGRATION_FAILED, "migration " + migration.getVersion() + " ("
            + migration.getDescription() + ") was not applied: existing rows already share a key it adds: "
            + String.join("; ", offenders.subList(0, Math.min(NAMED, offenders.size())))
            + (offenders.size() > NAMED ? "; and " + (offenders.size() - NAMED) + " more" : "")
            + "; nothing was changed: rename or remove one row of each (or deactivate the duplicate role or grant), then start again");
      }
    }
  }

  /** The file's statements, split at each ';' that ends a line; none when there is no file. */
  private static List<String> queries(String resource) {
    try (InputStream in = MigrationPrecheck.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split(";\\s*(\\R|$)")).map(MigrationPrecheck::withoutComments)
          .filter(query -> !query.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutComments(String statement) {
    return statement.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
  }
}
