package io.mcpgateway.bootstrap;

import io.mcpgateway.bootstrap.db.DatabaseKind;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.core.NativeDB;

/**
 * For the one-shot run: does, on background threads, one-time set-up that the main thread and the
 * event loop would otherwise do in turn. From the first line of {@code main}: the JDK's slow
 * pieces (java.time's formats, the reflection behind Vert.x's virtual-thread probe). Once the URL is
 * known, while the main thread starts Vert.x: what the first connection needs (codec tables, the
 * buffer allocator, the channel id's host scan, the annotation proxy behind Netty's handler check,
 * SQLite's native library and date formats). Profiled here at 15-25 ms of the event loop's time
 * per run (Spring Boot's BackgroundPreinitializer does the same for its own start).
 *
 * <p>Class initialization is thread-safe (whoever comes first does it, the other waits), so this
 * changes no behaviour: a failure here is ignored and simply happens again, reported, on the real
 * path. Library-internal class names are hints; one that disappears in an upgrade is skipped.
 */
final class StartupPrewarm {

  private static final List<String> CONNECTION_CLASSES = List.of(
      "io.vertx.core.impl.buffer.VertxByteBufAllocator", "io.netty.channel.DefaultChannelId");
  private static final List<String> POSTGRES_CLASSES = List.of(
      "io.vertx.pgclient.impl.codec.DataTypeCodec", "io.vertx.pgclient.impl.codec.DataType");
  private static final List<String> MYSQL_CLASSES = List.of(
      "io.vertx.mysqlclient.impl.MySQLCollation", "io.vertx.mysqlclient.impl.datatype.DataTypeCodec");
  /**
   * JDK classes whose set-up is slow and which the client codecs use: java.time's ISO formats build
   * BigDecimal's tables (~14 ms interpreted on JDK 25). They log nothing, so they can start before
   * logging is configured.
   */
  private static final List<String> JDK_CLASSES = List.of("java.time.format.DateTimeFormatter");

  private StartupPrewarm() {
  }

  /**
   * Starts warming the JDK's slow classes on a daemon thread and returns at once; first thing in
   * {@code main}, before logging exists, so nothing here may log.
   */
  static void startJdk() {
    daemon("startup-prewarm-jdk", () -> {
      initialize(JDK_CLASSES); // first: the main thread's first JSON parse needs BigDecimal too
      virtualThreadFactory();
    });
  }

  /**
   * The reflective calls Vert.x makes at start to find virtual threads (JDK 21+): the first call of
   * each builds its method accessor (~7 ms on JDK 25); done here first, Vert.x finds them built.
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

  /**
   * Starts the warm-up for {@code kind} on a daemon thread and returns at once. Logging is set up
   * here first, on the calling thread: the classes warmed below log while they initialize, and a
   * line logged from another thread while SLF4J is still starting is queued and replayed with a
   * warning on standard error.
   */
  static void start(DatabaseKind kind) {
    LoggerFactory.getILoggerFactory();
    daemon("startup-prewarm", () -> warm(kind));
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The protocol's classes first: the socket's classes share Netty's platform set-up, which the main
   * thread is doing at this moment as Vert.x starts, so warming them first would only wait for it.
   */
  private static void warm(DatabaseKind kind) {
    try {
      switch (kind) {
        case POSTGRES -> initialize(POSTGRES_CLASSES);
        case MYSQL -> initialize(MYSQL_CLASSES);
        case SQLITE -> {
          NativeDB.load();
          new SQLiteConfig(); // its connection defaults build sqlite-jdbc's date formats
        }
      }
      if (kind != DatabaseKind.SQLITE) {
        initialize(CONNECTION_CLASSES);
        ChannelInitializer.class.isAnnotationPresent(ChannelHandler.Sharable.class);
      }
    } catch (Exception | LinkageError e) {
      // nothing lost: the real path does the same work and reports its failure properly
    }
  }

  private static void initialize(List<String> classNames) {
    ClassLoader loader = StartupPrewarm.class.getClassLoader();
    for (String name : classNames) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException renamed) {
        // a hint that no longer applies; the real path loads what it needs
      }
    }
  }
}
