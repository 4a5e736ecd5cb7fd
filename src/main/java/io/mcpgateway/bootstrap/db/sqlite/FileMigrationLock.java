package io.mcpgateway.bootstrap.db.sqlite;

import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * For SQLite: an OS file lock on {@code <database>.migration-lock}, next to the database file
 * (the reference used one shared file in the temp folder, which serialized unrelated databases and
 * missed replicas that share the database over a volume). The wait is a blocking
 * {@code FileChannel.lock()} on a worker, woken the moment the holder releases; at the deadline a
 * timer closes the channel, which ends the wait. OS locks do not exclude threads of one JVM from
 * each other, so a per-file semaphore, polled without holding a thread, does that first.
 */
final class FileMigrationLock extends MigrationLockTemplate {

  /** Opens the lock file; tests substitute one whose channel fails. */
  interface ChannelOpener {
    FileChannel open(Path file) throws IOException;
  }

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long IN_PROCESS_POLL_MILLIS = 10;
  private static final ChannelOpener FILE_CHANNEL = file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);

  private final Vertx vertx;
  private final Path lockFile;
  private final WorkerExecutor worker;
  private final ChannelOpener opener;
  private volatile FileChannel channel;
  private volatile boolean holdsSemaphore;

  FileMigrationLock(Vertx vertx, Path lockFile, WorkerExecutor worker) {
    this(vertx, lockFile, worker, FILE_CHANNEL);
  }

  FileMigrationLock(Vertx vertx, Path lockFile, WorkerExecutor worker, ChannelOpener opener) {
    this.vertx = vertx;
    this.lockFile = lockFile;
    this.worker = worker;
    this.opener = opener;
  }

  /** {@code <database>.migration-lock}, beside the database file. */
  static Path lockFileOf(Path database) {
    Path absolute = database.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".migration-lock");
  }

  @Override
  protected String describe() {
    return "file lock " + lockFile;
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    if (!inProcessLock().tryAcquire()) {
      return Future.succeededFuture(false);
    }
    holdsSemaphore = true;
    return worker.executeBlocking(() -> {
      try {
        channel = open();
        if (channel.tryLock() != null) {
          return true;
        }
        closeQuietly();
        return false;
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }, false);
  }

  @Override
  protected Future<Void> acquire(SqlConnection connection, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    return takeInProcessLock(deadline, wait).compose(taken -> worker.executeBlocking(() -> {
      try {
        lockFile(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), wait);
        return null;
      } catch (Exception e) {
        closeQuietly(); // on this worker thread: closing a channel is blocking I/O
        throw e;
      }
    }, false));
  }

  /**
   * Agents in one JVM (tests, an embedding gateway) take turns by polling, holding no thread while
   * they wait; the wait across processes is the OS lock's, which wakes the moment it is released.
   */
  private Future<Void> takeInProcessLock(long deadline, Duration wait) {
    if (inProcessLock().tryAcquire()) {
      holdsSemaphore = true;
      return Future.succeededFuture();
    }
    if (System.nanoTime() >= deadline) {
      return Future.failedFuture(timedOut(wait));
    }
    Promise<Void> retry = Promise.promise();
    vertx.setTimer(IN_PROCESS_POLL_MILLIS, id -> takeInProcessLock(deadline, wait).onComplete(retry));
    return retry.future();
  }

  private Semaphore inProcessLock() {
    return IN_PROCESS.computeIfAbsent(lockFile, file -> new Semaphore(1));
  }

  /** Blocks in {@code FileChannel.lock()} until the holder releases or the deadline closes the channel. */
  private void lockFile(long remainingMillis, Duration wait) throws IOException {
    if (remainingMillis <= 0) {
      throw timedOut(wait);
    }
    FileChannel opened = open();
    channel = opened;
    long timer = vertx.setTimer(remainingMillis, id -> worker.executeBlocking(() -> {
      opened.close();
      return null;
    }, false));
    boolean locked = false;
    try {
      opened.lock();
      locked = true;
    } catch (ClosedChannelException closedAtDeadline) { // includes AsynchronousCloseException
      throw timedOut(wait);
    } finally {
      // A timer that already fired means the channel is (being) closed: we do not hold the lock.
      if (!vertx.cancelTimer(timer) && locked) {
        throw timedOut(wait);
      }
    }
  }

  /** A lock file that cannot be opened (a folder in its place, a read-only folder) is named with the fix. */
  private FileChannel open() {
    try {
      return opener.open(lockFile);
    } catch (IOException e) {
      throw lockFailed("cannot open " + lockFile + " (" + e + "); remove whatever is in its place or make its folder writable", e);
    }
  }

  /** Closing the channel releases its lock; a close that fails is reported, not assumed to have released. */
  @Override
  protected Future<Void> release(SqlConnection connection) {
    return worker.executeBlocking(() -> {
      FileChannel held = channel;
      channel = null;
      try {
        if (held != null) {
          held.close();
        }
        return null;
      } catch (IOException e) {
        throw releaseFailed("releasing the " + describe() + " failed (" + e + "); the operating system drops it when this"
            + " process exits", e);
      } finally {
        releaseSemaphore();
      }
    }, false);
  }

  private void closeQuietly() {
    FileChannel held = channel;
    channel = null;
    try {
      if (held != null) {
        held.close();
      }
    } catch (IOException ignored) {
      // the lock was never taken: nothing to release but the descriptor, which the OS frees anyway
    } finally {
      releaseSemaphore();
    }
  }

  private void releaseSemaphore() {
    if (holdsSemaphore) {
      holdsSemaphore = false;
      IN_PROCESS.get(lockFile).release();
    }
  }
}
