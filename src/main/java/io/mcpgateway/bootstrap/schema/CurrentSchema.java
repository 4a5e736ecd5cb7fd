package io.mcpgateway.bootstrap.schema;

import java.util.List;

/**
 * The newest bundled schema version and its tell-tale columns: the columns the newest migration
 * added, as the reference's {@code _schema_looks_current} checks them. Whoever adds a migration
 * updates both; a test checks the version against the bundled files.
 */
public final class CurrentSchema {

  public static final String NEWEST_VERSION = "2";

  /** {table, column} pairs present only from {@link #NEWEST_VERSION} on. */
  public static final List<String[]> TELL_TALE_COLUMNS = List.of(
      new String[] {"tools", "display_name"},
      new String[] {"gateways", "oauth_config"},
      new String[] {"prompts", "custom_name"});

  public static final String HISTORY_TABLE = "flyway_schema_history";

  private CurrentSchema() {
  }
}
