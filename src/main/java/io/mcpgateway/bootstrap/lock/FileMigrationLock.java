package io.mcpgateway.bootstrap.lock;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteDataSource;

/**
 * For SQLite: an OS file lock on {@code <database>.migration-lock}, next to the database file
 * (the reference used one shared file in the temp folder, which serialized unrelated databases and
 * missed replicas that share the database over a volume). The wait is a blocking
 * {@code FileChannel.lock()} on a worker, woken the moment the holder releases; at the deadline a
 * timer closes the channel, which ends the wait. OS locks do not exclude threads of one JVM from
 * each other, so a per-file semaphore, polled without holding a thread, does that first.
 */
public final class FileMigrationLock extends ConnectionBoundLock {

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long IN_PROCESS_POLL_MILLIS = 10;

  private final Vertx vertx;
  private final DatabaseUrl url;
  private final WorkerExecutor worker;
  private final Path lockFile;
  private Pool pool;
  private volatile FileChannel channel;
  private volatile boolean holdsSemaphore;

  public FileMigrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    this.vertx = vertx;
    this.url = url;
    this.worker = worker;
    Path database = url.file().toAbsolutePath().normalize();
    this.lockFile = database.resolveSibling(database.getFileName() + ".migration-lock");
  }

  @Override
  protected Future<SqlConnection> openConnection() {
    return worker.executeBlocking(() -> Files.createDirectories(lockFile.getParent()), false)
        .compose(created -> {
          // sqlite-jdbc's own DataSource: no pool library and no DriverManager, whose first use
          // loads and initializes every JDBC driver on the class path (~15 ms of each run).
          SQLiteDataSource dataSource = new SQLiteDataSource();
          dataSource.setUrl(url.jdbcUrl());
          pool = JDBCPool.pool(vertx, dataSource, new PoolOptions().setMaxSize(1));
          return pool.getConnection();
        })
        .recover(failure -> (pool == null ? Future.<Void>succeededFuture() : pool.close()).transform(closed ->
            Future.failedFuture(new BootstrapException(Reason.BAD_URL, "cannot open the SQLite database " + url.file()
                + ": " + failure.getMessage() + "; check the path in DATABASE_URL and that the folder is writable", failure))));
  }

  @Override
  protected Future<Void> close(SqlConnection connection) {
    return connection.close().eventually(() -> pool.close());
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    if (!inProcessLock().tryAcquire()) {
      return Future.succeededFuture(false);
    }
    holdsSemaphore = true;
    return worker.executeBlocking(() -> {
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() != null) {
          return true;
        }
        releaseQuietly();
        return false;
      } catch (IOException | RuntimeException e) {
        releaseQuietly();
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
        releaseQuietly(); // on this worker thread: closing a channel is blocking I/O
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
      return Future.failedFuture(timedOut("file lock " + lockFile, wait));
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
      throw timedOut("file lock " + lockFile, wait);
    }
    FileChannel opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
      throw timedOut("file lock " + lockFile, wait);
    } finally {
      // A timer that already fired means the channel is (being) closed: we do not hold the lock.
      if (!vertx.cancelTimer(timer) && locked) {
        throw timedOut("file lock " + lockFile, wait);
      }
    }
  }

  @Override
  protected Future<Void> release(SqlConnection connection) {
    return worker.<Void>executeBlocking(() -> {
      releaseQuietly();
      return null;
    }, false);
  }

  private void releaseQuietly() {
    try {
      if (channel != null) {
        channel.close(); // closing the channel releases its lock
      }
    } catch (IOException ignored) {
      // the OS drops the lock with the descriptor in any case
    } finally {
      channel = null;
      if (holdsSemaphore) {
        holdsSemaphore = false;
        IN_PROCESS.get(lockFile).release();
      }
    }
  }
}
