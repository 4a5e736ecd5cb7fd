package io.mcpgateway.bootstrap.launch;

/**
 * What the command line does to the JVM itself: set-up before anything else loads, and the exit.
 */
public final class Jvm {

  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Jvm() {
  }

  /**
   * First thing in {@code main}: starts warming the JDK's slow classes, says whether the start-up
   * cache was refused, and turns Netty's JFR events off unless asked for (Netty 4.2 emits them by
   * default, which starts JFR's machinery at every start).
   */
  public static void prepare() {
    StartupPrewarm.startJdk();
    StartupCache.reportRefusal();
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /**
   * Ends the process with {@code code}. Halt, not exit: Vert.x is closed by then, every log line is
   * flushed as it is written, and the shutdown hooks have nothing left to do.
   */
  public static void halt(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}
