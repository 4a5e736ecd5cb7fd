package io.mcpgateway.bootstrap.schema;

import java.util.List;

/**
 * What the schema step would do, found with reads only and without Flyway.
 *
 * @param decision what it would do
 * @param from the version the history is at (null without history)
 * @param to the version the migrations lead to (null when unknown)
 * @param pending the migrations it would apply, in order
 * @param reason for {@link Decision#REFUSE}, why (a one-line message that names the fix); else null
 */
public record SchemaPlan(Decision decision, String from, String to, List<Pending> pending, String reason) {

  /** What the schema step would do. */
  public enum Decision {
    /** Every migration is applied as it is now. */
    CURRENT,
    /** The history is at a version newer than these migrations: Flyway would leave it as it is. */
    NEWER,
    /** No history table, not yet told apart ({@link SchemaMigrator#plan} tells EMPTY, ADOPT and REFUSE apart). */
    NO_HISTORY,
    /** An empty database: every migration. */
    CREATE,
    /** Tables of a known version without history: baseline at {@code from}, then the pending migrations. */
    ADOPT,
    /** Apply the pending migrations. */
    MIGRATE,
    /** Change nothing and fail: see {@code reason}. */
    REFUSE,
    /** The locations hold files only Flyway reads (or the history has rows only it judges): Flyway decides. */
    FLYWAY_DECIDES
  }

  /** One pending migration, as Flyway lists it. */
  public record Pending(String version, String description) {

    @Override
    public String toString() {
      return version + " " + description;
    }
  }

  public SchemaPlan {
    pending = List.copyOf(pending);
  }

  static SchemaPlan of(Decision decision, String from, String to) {
    return new SchemaPlan(decision, from, to, List.of(), null);
  }

  static SchemaPlan refuse(String from, String to, String reason) {
    return new SchemaPlan(Decision.REFUSE, from, to, List.of(), reason);
  }

  /** Nothing for the schema step to change: the data steps can be asked now. */
  public boolean upToDate() {
    return decision == Decision.CURRENT || decision == Decision.NEWER;
  }

  /** The version the database is at when up to date. */
  public String version() {
    return decision == Decision.CURRENT ? to : from;
  }

  /** One line: "migrate from version 2 to 3: 3 upstream unique keys". */
  public String describe() {
    String migrations = pending.isEmpty() ? "" : ": " + String.join(", ", pending.stream().map(Pending::toString).toList());
    return switch (decision) {
      case CURRENT -> "current at version " + to;
      case NEWER -> "at version " + from + ", newer than these migrations (newest " + to + "): left as it is";
      case NO_HISTORY -> "no migration history" + (pending.isEmpty() ? "" : "; migrations pending" + migrations);
      case CREATE -> "an empty database: create the schema at version " + to + migrations;
      case ADOPT -> "tables of version " + from + " without history: adopt them at " + from
          + (pending.isEmpty() ? "" : ", then migrate to " + to + migrations);
      case MIGRATE -> "migrate from version " + from + " to " + to + migrations;
      case REFUSE -> "refused: " + reason;
      case FLYWAY_DECIDES -> "Flyway decides (the migration locations or the history hold what only it reads)";
    };
  }
}
