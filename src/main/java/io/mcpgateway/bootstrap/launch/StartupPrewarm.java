package io.mcpgateway.bootstrap.launch;

import io.mcpgateway.bootstrap.db.ClassWarmUp;
import io.mcpgateway.bootstrap.db.Vendor;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * For the one-shot run: does, on background threads, one-time set-up that the main thread and the
 * event loop would otherwise do in turn. From the first line of {@code main}: the JDK's slow
 * pieces (java.time's formats, the reflection behind Vert.x's virtual-thread probe). Once the URL is
 * known, while the main thread starts Vert.x: what the vendor's first connection needs
 * ({@link Vendor#warmUp()}). Spring Boot's BackgroundPreinitializer does the same for its own start.
 * {@code -Ddb.bootstrap.prewarm=false} turns it off (bench/run measures both).
 */
final class StartupPrewarm {

  static final String SWITCH = "db.bootstrap.prewarm";
  /**
   * JDK classes whose set-up is slow and which the client codecs use: java.time's ISO formats build
   * BigDecimal's tables. They log nothing, so they can start before logging is configured.
   */
  private static final List<String> JDK_CLASSES = List.of("java.time.format.DateTimeFormatter");

  private StartupPrewarm() {
  }

  /**
   * Starts warming the JDK's slow classes on a daemon thread and returns at once; first thing in
   * {@code main}, before logging exists, so nothing here may log.
   */
  static void startJdk() {
    if (enabled()) {
      daemon("startup-prewarm-jdk", () -> {
        ClassWarmUp.initialize(JDK_CLASSES); // first: the main thread's first JSON parse needs BigDecimal too
        virtualThreadFactory();
      });
    }
  }

  /**
   * Starts the vendor's warm-up on a daemon thread and returns at once. Logging is set up here
   * first, on the calling thread: the classes warmed log while they initialize, and a line logged
   * from another thread while SLF4J is still starting is queued and replayed with a warning.
   */
  static void start(Vendor vendor) {
    if (enabled()) {
      LoggerFactory.getILoggerFactory();
      daemon("startup-prewarm", vendor::warmUp);
    }
  }

  private static boolean enabled() {
    return !"false".equals(System.getProperty(SWITCH));
  }

  /**
   * The reflective calls Vert.x makes at start to find virtual threads (JDK 21+): the first call of
   * each builds its method accessor; done here first, Vert.x finds them built.
   */
  private static void virtualThreadFactory() {
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object virtual = Thread.class.getDeclaredMethod("ofVirtual").invoke(null);
      virtual = ofVirtual.getDeclaredMethod("name", String.class, long.class).invoke(virtual, "prewarm-", 0L);
      builder.getDeclaredMethod("factory").invoke(virtual);
    } catch (ReflectiveOperationException | RuntimeException olderJdk) {
      // JDK 17: no virtual threads, and Vert.x's own probe fails as fast
    }
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }
}
