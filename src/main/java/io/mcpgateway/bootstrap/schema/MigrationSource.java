package io.mcpgateway.bootstrap.schema;

import io.mcpgateway.bootstrap.db.Vendor;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Where a run's migrations come from: Flyway-style locations ({@code classpath:} or
 * {@code filesystem:}), each with an optional {@code {vendor}} placeholder for the per-database
 * folder, and the signature that lets an unversioned database be adopted.
 */
public record MigrationSource(List<String> locations, AdoptionSignature adoption) {

  /** The agent's own migrations. */
  public static final String BUNDLED_LOCATION = "classpath:db/migration/{vendor}";
  /** The history table of every run, as Flyway names it by default. */
  public static final String HISTORY_TABLE = "flyway_schema_history";
  private static final String VENDOR = "{vendor}";

  public MigrationSource {
    if (locations.isEmpty()) {
      throw bad("no migration location is configured");
    }
    locations = locations.stream().map(String::strip).toList();
    for (String location : locations) {
      String lower = location.toLowerCase(Locale.ROOT);
      if (!(lower.startsWith("classpath:") || lower.startsWith("filesystem:")) || location.indexOf(':') == location.length() - 1) {
        throw bad("migration location '" + location + "' must be classpath:PATH or filesystem:PATH");
      }
    }
  }

  /** The bundled migrations and their adoption signature. */
  public static MigrationSource bundled() {
    return new MigrationSource(List.of(BUNDLED_LOCATION), AdoptionSignature.BUNDLED);
  }

  /** The locations with {@code {vendor}} replaced by the vendor's name. */
  public List<String> locationsFor(Vendor vendor) {
    return locations.stream().map(location -> location.replace(VENDOR, vendor.name())).toList();
  }

  private static BootstrapException bad(String message) {
    return new BootstrapException(Reason.BAD_CONFIG, message + " (MIGRATION_LOCATIONS)");
  }
}
