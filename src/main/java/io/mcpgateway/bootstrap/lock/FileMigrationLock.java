package io.mcpgateway.bootstrap.lock;

import io.mcpgateway.bootstrap.BootstrapException;
import io.mcpgateway.bootstrap.BootstrapException.Reason;
import io.mcpgateway.bootstrap.config.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
 * each other, so a per-file semaphore does that first.
 */
public final class FileMigrationLock extends ConnectionBoundLock {

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final DatabaseUrl url;
  private final WorkerExecutor worker;
  private final Path lockFile;
  private Pool pool;
  private FileChannel channel;
  private boolean holdsSemaphore;

  public FileMigrationLock(Vertx vertx, DatabaseUrl url, WorkerExecutor worker) {
    this.vertx = vertx;
    this.url = url;
    this.worker = worker;
    Path database = url.file().toAbsolutePath().normalize();
    this.lockFile = database.resolveSibling(database.getFileName() + ".migration-lock");
  }

  /** The file whose OS lock serializes migrations of this database. */
  public Path lockFile() {
    return lockFile;
  }

  @Override
  protected Future<SqlConnection> openConnection() {
    return worker.executeBlocking(() -> Files.createDirectories(lockFile.getParent()), false)
        .recover(failure -> Future.failedFuture(new BootstrapException(Reason.BAD_URL,
            "cannot create the folder of the SQLite database " + url.file() + ": " + failure.getMessage())))
        .compose(created -> {
          pool = JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(url.jdbcUrl()), new PoolOptions().setMaxSize(1));
          return pool.getConnection();
        });
  }

  @Override
  protected Future<Void> close(SqlConnection connection) {
    return connection.close().eventually(() -> pool.close());
  }

  @Override
  protected Future<Boolean> tryAcquire(SqlConnection connection) {
    return worker.executeBlocking(() -> {
      if (!inProcessLock().tryAcquire()) {
        return false;
      }
      holdsSemaphore = true;
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() != null) {
        return true;
      }
      releaseQuietly();
      return false;
    }, false);
  }

  @Override
  protected Future<Void> acquire(SqlConnection connection, Duration wait) {
    return worker.<Void>executeBlocking(() -> {
      long deadline = System.nanoTime() + wait.toNanos();
      if (!inProcessLock().tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut("file lock " + lockFile, wait);
      }
      holdsSemaphore = true;
      lockFile(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), wait);
      return null;
    }, false).recover(failure -> {
      releaseQuietly();
      return Future.failedFuture(failure);
    });
  }

  private Semaphore inProcessLock() {
    return IN_PROCESS.computeIfAbsent(lockFile, file -> new Semaphore(1, true));
  }

  /** Blocks in {@code FileChannel.lock()} until the holder releases or the deadline closes the channel. */
  private void lockFile(long remainingMillis, Duration wait) throws IOException {
    FileChannel opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel = opened;
    long timer = vertx.setTimer(remainingMillis, id -> worker.executeBlocking(() -> {
      opened.close();
      return null;
    }, false));
    try {
      opened.lock();
    } catch (AsynchronousCloseException closedAtDeadline) {
      throw timedOut("file lock " + lockFile, wait);
    }
    if (!vertx.cancelTimer(timer)) {
      // The deadline fired as the lock came: the channel is (being) closed, so we do not hold it.
      throw timedOut("file lock " + lockFile, wait);
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
