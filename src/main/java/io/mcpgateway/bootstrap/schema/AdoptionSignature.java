package io.mcpgateway.bootstrap.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to recognise a database that holds a known schema but no Flyway history (made by an older
 * tool, by the reference's {@code create_all}, or by the upstream gateway's own Alembic migrations):
 * the first level whose tell-tale columns all exist gives the version to baseline it at, instead of
 * migrating it from scratch (the reference's "stamp head"). Without a signature ({@link #NONE}),
 * such a database is refused untouched.
 *
 * @param levels the versions to recognise, newest first, each with the columns that exist only from it on
 */
public record AdoptionSignature(List<Level> levels) {

  /** One column of one table. */
  public record TableColumn(String table, String column) {

    @Override
    public String toString() {
      return table + "." + column;
    }
  }

  /** A version and the columns that tell it. */
  public record Level(String version, List<TableColumn> tellTaleColumns) {

    public Level {
      tellTaleColumns = List.copyOf(tellTaleColumns);
    }
  }

  /** Adopt no unversioned database: one with tables but no history is refused. */
  public static final AdoptionSignature NONE = new AdoptionSignature(List.of());

  private static final String[] BUNDLED_V2 = {"tools.display_name", "gateways.oauth_config", "prompts.custom_name"};
  private static final String[] BUNDLED_V3 = {"resources.uri", "tools.original_name", "prompts.original_name", "a2a_agents.slug"};

  /**
   * The bundled schema: version 3 where the unique keys' columns exist too (an upstream-built
   * database has them), else version 2, by the columns the reference's {@code _schema_looks_current} checks.
   */
  public static final AdoptionSignature BUNDLED = of("3", concat(BUNDLED_V2, BUNDLED_V3)).or("2", BUNDLED_V2);

  public AdoptionSignature {
    levels = List.copyOf(levels);
  }

  /** {@code of("3", "widgets.colour", ...)}: a version and {@code table.column} names. */
  public static AdoptionSignature of(String version, String... tableDotColumns) {
    return NONE.or(version, tableDotColumns);
  }

  /** This signature, then an older version to recognise when none before it matched. */
  public AdoptionSignature or(String version, String... tableDotColumns) {
    if (version == null || version.isBlank() || tableDotColumns.length == 0) {
      throw new IllegalArgumentException("an adoption signature needs a version and at least one table.column");
    }
    List<Level> more = new ArrayList<>(levels);
    more.add(new Level(version, Arrays.stream(tableDotColumns).map(AdoptionSignature::column).toList()));
    return new AdoptionSignature(more);
  }

  public boolean adopts() {
    return !levels.isEmpty();
  }

  /** For messages: "version 3 (resources.uri, ...) or version 2 (...)". */
  String describe() {
    return levels.stream().map(level -> "version " + level.version() + " (" + level.tellTaleColumns().stream()
        .map(Object::toString).collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(" or "));
  }

  private static TableColumn column(String tableDotColumn) {
    int dot = tableDotColumn.indexOf('.');
    if (dot <= 0 || dot == tableDotColumn.length() - 1) {
      throw new IllegalArgumentException("'" + tableDotColumn + "' is not table.column");
    }
    return new TableColumn(tableDotColumn.substring(0, dot), tableDotColumn.substring(dot + 1));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
