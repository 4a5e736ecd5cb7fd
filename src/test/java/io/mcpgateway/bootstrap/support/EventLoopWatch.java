package io.mcpgateway.bootstrap.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.threadchecker.BlockedThreadChecker;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * A Vert.x whose blocked-thread checker reports every event-loop task that runs longer than
 * {@link #LIMIT_MILLIS} (checked every 2 ms), and the reports it made while open. The checker's
 * logger name comes from Vert.x itself ({@link BlockedThreadChecker#LOGGER_NAME}: the class moved
 * packages in Vert.x 5, its logger name did not), so a rename cannot silently turn the guard off.
 *
 * <p>The checker measures wall time, and two kinds of it are not the task's doing: a stop-the-world
 * GC pause, which stops every thread, and time the thread spent runnable but waiting for a CPU
 * ({@link RunQueueClock}), which on a busy two-core machine can be most of a report. A report is
 * charged only for what is left: time on a CPU and time the thread itself waited (I/O, a lock, a
 * sleep, a thread start). Stacks
 * come with reports past {@link #STACK_MILLIS} only: taking one stops the JVM for several
 * milliseconds, which would itself make the next task look blocked.
 */
public final class EventLoopWatch implements AutoCloseable {

  public static final long LIMIT_MILLIS = 10;
  private static final long STACK_MILLIS = 15;
  private static final Pattern BLOCKED = Pattern.compile("Thread (\\S+) has been blocked for (\\d+) ms");

  private final LogCapture reports = new LogCapture(BlockedThreadChecker.LOGGER_NAME);
  private final List<long[]> pauses = new ArrayList<>(); // {start, end} in epoch milliseconds
  private final List<Runnable> unsubscribe = new ArrayList<>();
  private final Vertx vertx;
  private final RunQueueClock runQueue;

  public EventLoopWatch() {
    listenToGcPauses();
    vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(LIMIT_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(STACK_MILLIS).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(2).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    runQueue = new RunQueueClock(vertx);
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Every report of an event-loop thread blocked past the limit that GC pauses and CPU waits do not explain. */
  public List<String> eventLoopBlocks() {
    sleep(200); // GC notifications arrive on a thread of their own, just after the pause
    List<String> charged = new ArrayList<>();
    for (ILoggingEvent event : reports.events()) {
      Matcher blocked = BLOCKED.matcher(event.getFormattedMessage());
      if (blocked.find() && blocked.group(1).contains("eventloop")) {
        long millis = Long.parseLong(blocked.group(2));
        long from = event.getTimeStamp() - millis;
        long paused = pausedMillis(from, event.getTimeStamp());
        long waiting = runQueue.waitingMillis(blocked.group(1), from, event.getTimeStamp());
        if (millis - paused - waiting >= LIMIT_MILLIS) {
          charged.add(LogCapture.describe(event) + " (of it: " + paused + " ms in GC pauses, " + waiting + " ms waiting for a CPU)");
        }
      }
    }
    return charged;
  }

  private void listenToGcPauses() {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      // A concurrent collector's "Cycles" bean reports whole cycles, which stop nothing.
      if (collector instanceof NotificationEmitter emitter && !collector.getName().endsWith("Cycles")) {
        NotificationListener listener = (notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            synchronized (pauses) {
              pauses.add(new long[] {jvmStart + info.getStartTime(), jvmStart + info.getEndTime()});
            }
          }
        };
        emitter.addNotificationListener(listener, null, null);
        unsubscribe.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (ListenerNotFoundException gone) {
            // nothing to remove
          }
        });
      }
    }
  }

  /** Milliseconds of [from, to] that GC pauses cover (the GC's clock ticks in milliseconds). */
  private long pausedMillis(long from, long to) {
    long covered = 0;
    synchronized (pauses) {
      for (long[] pause : pauses) {
        covered += Math.max(0, Math.min(to, pause[1] + 1) - Math.max(from, pause[0] - 1));
      }
    }
    return covered;
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      runQueue.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } finally {
      reports.close();
      unsubscribe.forEach(Runnable::run);
    }
  }
}
