import org.flywaydb.core.Flyway;

/**
 * The benchmark's baseline: nothing but Flyway's migrate() with the agent's own migrations, in a
 * plain JVM with default flags. Arguments: JDBC URL, user, password ("" for none), location.
 */
public final class FlywayOnly {
  public static void main(String[] args) {
    Flyway.configure()
        .dataSource(args[0], args[1], args[2].isEmpty() ? null : args[2])
        .locations(args[3])
        .load()
        .migrate();
  }
}
