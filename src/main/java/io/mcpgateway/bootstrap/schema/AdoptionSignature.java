package io.mcpgateway.bootstrap.schema;

import java.util.Arrays;
import java.util.List;

/**
 * How to recognise a database that holds a known schema but no Flyway history (made by an older
 * tool, or by the reference's {@code create_all}): when every tell-tale column exists, the database
 * is baselined at {@code baselineVersion} instead of being migrated from scratch (the reference's
 * "stamp head"). Without a signature ({@link #NONE}), such a database is refused untouched.
 *
 * @param baselineVersion the version such a database is at
 * @param tellTaleColumns columns that exist only from that version on
 */
public record AdoptionSignature(String baselineVersion, List<TableColumn> tellTaleColumns) {

  /** One column of one table. */
  public record TableColumn(String table, String column) {

    @Override
    public String toString() {
      return table + "." + column;
    }
  }

  /** The bundled schema at version 2: the columns the reference's {@code _schema_looks_current} checks. */
  public static final AdoptionSignature BUNDLED = of("2", "tools.display_name", "gateways.oauth_config", "prompts.custom_name");

  /** Adopt no unversioned database: one with tables but no history is refused. */
  public static final AdoptionSignature NONE = new AdoptionSignature(null, List.of());

  public AdoptionSignature {
    tellTaleColumns = List.copyOf(tellTaleColumns);
  }

  /** {@code of("3", "widgets.colour", ...)}: a version and {@code table.column} names. */
  public static AdoptionSignature of(String baselineVersion, String... tableDotColumns) {
    if (baselineVersion == null || baselineVersion.isBlank() || tableDotColumns.length == 0) {
      throw new IllegalArgumentException("an adoption signature needs a version and at least one table.column");
    }
    return new AdoptionSignature(baselineVersion, Arrays.stream(tableDotColumns).map(AdoptionSignature::column).toList());
  }

  public boolean adopts() {
    return baselineVersion != null;
  }

  private static TableColumn column(String tableDotColumn) {
    int dot = tableDotColumn.indexOf('.');
    if (dot <= 0 || dot == tableDotColumn.length() - 1) {
      throw new IllegalArgumentException("'" + tableDotColumn + "' is not table.column");
    }
    return new TableColumn(tableDotColumn.substring(0, dot), tableDotColumn.substring(dot + 1));
  }
}
