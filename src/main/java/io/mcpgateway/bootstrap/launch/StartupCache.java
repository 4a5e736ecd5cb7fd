package io.mcpgateway.bootstrap.launch;

/**
 * Says on one line when the JVM did not use the AOT cache the launcher handed it. The JVM refuses a
 * cache trained on other jars (a changed size or modification time), another Java runtime or other
 * module options, and goes on without it: about three times slower a start, and not a word, since
 * the launcher turns the JVM's cache logging off (it takes four lines to say it). With an AOT cache
 * named, the JVM reports {@code sharing} in {@code java.vm.info} exactly when it mapped that cache:
 * on a refusal it maps no archive at all, not even the JDK's default one.
 */
final class StartupCache {

  /** The cache's path, set by bin/db-bootstrap-agent when it passes {@code -XX:AOTCache}. */
  static final String PROPERTY = "db.bootstrap.aotCache";

  private StartupCache() {
  }

  /** Before logging exists (it may be on standard output later): a plain line on standard error. */
  static void reportRefusal() {
    String cache = System.getProperty(PROPERTY);
    if (cache != null && !System.getProperty("java.vm.info", "").contains("sharing")) {
      System.err.println("db-bootstrap-agent: the JVM did not use the start-up cache " + cache
          + " (trained on other jars, another Java runtime or other options); starting without it, about 3x slower");
    }
  }
}
