package io.mcpgateway.bootstrap.support;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long each event-loop thread of one Vert.x spent waiting for a CPU, from Linux's scheduler
 * ({@code /proc/self/task/<tid>/schedstat}), sampled every millisecond. On a busy two-core machine a
 * task that runs 1 ms can take 10 ms of wall time because the thread was runnable but not running;
 * that is not the task blocking the loop. Elsewhere than Linux it knows nothing and says 0.
 */
final class RunQueueClock implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 1;

  /** One reading: when (epoch ms), and the thread's total nanoseconds spent waiting on a run queue. */
  private record Sample(long epochMillis, long waitingNanos) {
  }

  private final Map<String, Path> schedstatByThread = new ConcurrentHashMap<>();
  private final Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  RunQueueClock(Vertx vertx) {
    for (EventExecutor loop : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      try {
        loop.submit(() -> {
          String tid = Files.readString(Path.of("/proc/thread-self/stat")).split(" ", 2)[0];
          schedstatByThread.put(Thread.currentThread().getName(), Path.of("/proc/self/task", tid, "schedstat"));
          return null;
        }).get(10, TimeUnit.SECONDS);
      } catch (Exception notLinux) {
        // no /proc: no correction
      }
    }
    sampler = new Thread(this::sample, "run-queue-clock");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      long now = System.currentTimeMillis();
      schedstatByThread.forEach((thread, schedstat) -> {
        try {
          long waiting = Long.parseLong(Files.readString(schedstat).trim().split("\\s+")[1]);
          List<Sample> list = samples.computeIfAbsent(thread, t -> new ArrayList<>());
          synchronized (list) {
            list.add(new Sample(now, waiting));
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended
        }
      });
      try {
        TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Milliseconds {@code thread} spent runnable but not running between the two instants (epoch ms). */
  long waitingMillis(String thread, long from, long to) {
    List<Sample> list = samples.get(thread);
    if (list == null) {
      return 0;
    }
    synchronized (list) {
      Sample before = null;
      Sample after = null;
      for (Sample sample : list) {
        if (sample.epochMillis() <= from) {
          before = sample;
        }
        if (sample.epochMillis() >= to && after == null) {
          after = sample;
        }
      }
      return before == null || after == null ? 0 : TimeUnit.NANOSECONDS.toMillis(after.waitingNanos() - before.waitingNanos());
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
