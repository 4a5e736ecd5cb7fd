package io.mcpgateway.bootstrap.db.sqlite;

import io.mcpgateway.bootstrap.db.AgentIdentity;
import io.mcpgateway.bootstrap.db.MigrationLockTemplate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * For SQLite: an OS file lock on {@code <database>.migration-lock}, next to the database file
 * (the reference used one shared file in the temp folder, which serialized unrelated databases and
 * missed replicas that share the database over a volume). Each try is a {@code tryLock} on a
 * worker; the holder writes who it is and since when into the file, which a waiter reads to name
 * it. OS locks do not exclude threads of one JVM from each other, so a per-file semaphore does that
 * first. The lock serialises processes on one host sharing the file; a network filesystem's locks
 * cannot be trusted.
 */
final class FileMigrationLock extends MigrationLockTemplate {

  /** Opens the lock file; tests substitute one whose channel fails. */
  interface ChannelOpener {
    FileChannel open(Path file) throws IOException;
  }

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final ChannelOpener FILE_CHANNEL = file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);

  private final Path lockFile;
  private final WorkerExecutor worker;
  private final ChannelOpener opener;
  private volatile FileChannel channel;
  private volatile boolean holdsSemaphore;

  FileMigrationLock(Vertx vertx, Path lockFile, WorkerExecutor worker) {
    this(vertx, lockFile, worker, FILE_CHANNEL);
  }

  FileMigrationLock(Vertx vertx, Path lockFile, WorkerExecutor worker, ChannelOpener opener) {
    super(vertx);
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
    Semaphore inProcess = IN_PROCESS.computeIfAbsent(lockFile, file -> new Semaphore(1));
    if (!inProcess.tryAcquire()) {
      return Future.succeededFuture(false);
    }
    holdsSemaphore = true;
    return worker.executeBlocking(() -> {
      try {
        channel = open();
        if (channel.tryLock() != null) {
          sayWhoHoldsIt(channel);
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

  private static void sayWhoHoldsIt(FileChannel held) throws IOException {
    held.truncate(0);
    held.write(ByteBuffer.wrap((AgentIdentity.name() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .getBytes(StandardCharsets.UTF_8)), 0);
  }

  @Override
  protected Future<Optional<String>> holder(SqlConnection connection) {
    return worker.executeBlocking(() -> {
      try {
        String written = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        return written.isEmpty() || written.length() > 200 ? Optional.<String>empty() : Optional.of(written);
      } catch (NoSuchFileException | java.nio.charset.MalformedInputException gone) {
        return Optional.<String>empty();
      }
    }, false);
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
          held.truncate(0);
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
