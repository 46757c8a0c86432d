package io.github.realtimekit.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gives the files an archive downloaded their final names, many at a time: the one place that flushes
 * them to disk, records them in the manifest and renames them.
 *
 * <p>A download ends with its file complete and checked under its partial name ({@code .NAME.part}),
 * not yet flushed, and hands it here ({@link #submit}). One thread commits what is waiting, as a group:
 * <ol>
 *   <li>each file's bytes are flushed to disk ({@code fsync}), several files at once, so that the file
 *       system can share its journal commits between them;</li>
 *   <li>their manifest lines are appended in one write and flushed with one {@code fsync}
 *       ({@link ArchiveManifest#appendAll});</li>
 *   <li>each file is renamed to its final name;</li>
 *   <li>the directory is flushed, one {@code fsync} that makes every rename of the group durable;</li>
 *   <li>only then is each file acknowledged: its future completes, and {@code archive} prints its path.</li>
 * </ol>
 * A file alone costs the same fsyncs as before, plus the directory's; a group of a hundred shares the
 * manifest's and the directory's, and its files' own fsyncs overlap.
 *
 * <p>Why it is safe. A file's bytes are on disk before its line, and its line before its rename: a
 * crash (or a power cut) at any moment leaves every file under a final name complete and recorded,
 * every line whose file has no final name yet superseded when that file is archived again, and at most
 * an incomplete last line, which opening the manifest drops. A file not acknowledged yet is at worst
 * left as its complete partial file, which the next run finishes with a {@code Range} request for the
 * bytes after its end (none are sent again). A file acknowledged has its bytes, its line and its name on
 * disk, so the next run finds it archived and asks for nothing.
 *
 * <p>How big a group is. There is no timer: a group is whatever finished while the one before it was
 * being committed, at most {@value #MAX_FILES} files or {@value #MAX_BYTES} bytes (a larger file is a
 * group of its own). So a file waits at most for the commit under way and its own; a slow download never
 * holds back the files that finish beside it, since a download takes part only once it is complete; and
 * while downloads outpace the disk, groups grow and the fsyncs per file shrink. At most
 * {@value #MAX_WAITING} files wait: past that, a finished download waits for room, which bounds memory.
 *
 * <p>A failure fails only what it touches: a file that cannot be flushed (its partial file is deleted:
 * after a failed fsync its bytes cannot be trusted), or renamed; the whole group when its lines cannot be
 * written or the directory cannot be flushed. Where the directory cannot be opened to flush it (Windows),
 * the renames are as durable as the file system makes them. One instance serves every archive of a
 * manifest at once ({@code serve}'s workers and its catch-up share it).
 */
final class ArchiveCommits implements AutoCloseable {

  /** The most files committed together. */
  static final int MAX_FILES = 256;
  /** The most bytes committed together, but for a larger file alone. */
  static final long MAX_BYTES = 64L * 1024 * 1024;
  /** The most files waiting to be committed. */
  static final int MAX_WAITING = 1024;
  /** How many files are flushed to disk at once. */
  private static final int FLUSHERS = 8;

  /** A complete, checked file under its partial name, and its line. */
  record Finished(Path partial, Path target, ArchiveManifest.Line line) {
  }

  private record Waiting(Finished file, CompletableFuture<Path> done) {
  }

  private final ArchiveManifest manifest;
  private final Path dir;
  private final int maxFiles;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final ExecutorService flushers;
  private final Thread committer;
  private boolean closed;

  /**
   * Starts committing into a directory.
   *
   * @param manifest the directory's open manifest
   * @param dir the directory
   */
  ArchiveCommits(ArchiveManifest manifest, Path dir) {
    this(manifest, dir, MAX_FILES);
  }

  ArchiveCommits(ArchiveManifest manifest, Path dir, int maxFiles) {
    this.manifest = manifest;
    this.dir = dir;
    this.maxFiles = maxFiles;
    this.flushers = Executors.newFixedThreadPool(FLUSHERS, r -> daemon(r, "realtimekit-archive-flush"));
    this.committer = daemon(this::commitAll, "realtimekit-archive-commit");
    committer.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  ArchiveManifest manifest() {
    return manifest;
  }

  /**
   * Hands over a finished file, waiting for room when {@value #MAX_WAITING} wait already.
   *
   * @param file the file
   * @return completes with the final name once the file is archived on disk; fails with a {@link Failure}
   *     when it cannot be, or when this is closed
   * @throws InterruptedException if interrupted while waiting for room; the file stays as it is
   */
  synchronized CompletableFuture<Path> submit(Finished file) throws InterruptedException {
    while (waiting.size() >= MAX_WAITING && !closed) {
      wait();
    }
    CompletableFuture<Path> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new Failure(ExitCode.FAILURE, "the archive is closing", null));
      return done;
    }
    waiting.add(new Waiting(file, done));
    notifyAll();
    return done;
  }

  /** Commits every file already handed over, then stops. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    boolean interrupted = false;
    while (committer.isAlive()) {
      try {
        committer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    flushers.shutdownNow();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitAll() {
    while (true) {
      List<Waiting> group = next();
      if (group == null) {
        return;
      }
      commit(group);
    }
  }

  /** Takes the next group, waiting for one; null once closed with nothing left. */
  private synchronized List<Waiting> next() {
    while (waiting.isEmpty()) {
      if (closed) {
        return null;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        // This thread is stopped by close alone, once nothing waits.
      }
    }
    List<Waiting> group = new ArrayList<>();
    long bytes = 0;
    while (!waiting.isEmpty() && group.size() < maxFiles
        && (group.isEmpty() || bytes + waiting.peek().file().line().bytes() <= MAX_BYTES)) {
      Waiting w = waiting.poll();
      bytes += w.file().line().bytes();
      group.add(w);
    }
    notifyAll();
    return group;
  }

  private void commit(List<Waiting> group) {
    List<Waiting> flushed = flush(group);
    if (flushed.isEmpty()) {
      return;
    }
    try {
      manifest.appendAll(flushed.stream().map(w -> w.file().line()).toList());
    } catch (IOException | RuntimeException e) {
      Failure failure = Failure.cannotWrite("write", manifest.path(), asIo(e));
      flushed.forEach(w -> w.done().completeExceptionally(failure));
      return;
    }
    List<Waiting> renamed = new ArrayList<>(flushed.size());
    for (Waiting w : flushed) {
      try {
        move(w.file().partial(), w.file().target());
        renamed.add(w);
      } catch (IOException e) {
        w.done().completeExceptionally(Failure.cannotWrite("write", w.file().target(), e));
      }
    }
    try {
      flushDirectory();
    } catch (IOException e) {
      Failure failure = Failure.cannotWrite("write", dir, e);
      renamed.forEach(w -> w.done().completeExceptionally(failure));
      return;
    }
    renamed.forEach(w -> w.done().complete(w.file().target()));
  }

  /** Flushes each file's bytes, several at once; returns those flushed, failing the others. */
  private List<Waiting> flush(List<Waiting> group) {
    List<Future<Void>> flushes = new ArrayList<>(group.size());
    for (Waiting w : group) {
      flushes.add(flushers.submit(() -> {
        try (FileChannel file = FileChannel.open(w.file().partial(), StandardOpenOption.WRITE)) {
          file.force(true);
        }
        return null;
      }));
    }
    List<Waiting> flushed = new ArrayList<>(group.size());
    for (int i = 0; i < group.size(); i++) {
      Waiting w = group.get(i);
      try {
        flushes.get(i).get();
        flushed.add(w);
      } catch (ExecutionException e) {
        // After a failed fsync the bytes cannot be trusted: the next run fetches the file afresh.
        Throwable cause = e.getCause();
        try {
          Files.deleteIfExists(w.file().partial());
        } catch (IOException suppressed) {
          cause.addSuppressed(suppressed);
        }
        w.done().completeExceptionally(Failure.cannotWrite("write", w.file().target(), asIo(cause)));
      } catch (InterruptedException e) {
        // Nothing interrupts this thread; were it to, the file stays whole as its partial file.
        Thread.currentThread().interrupt();
        w.done().completeExceptionally(Failure.cannotWrite("write", w.file().target(), asIo(e)));
      }
    }
    return flushed;
  }

  private static IOException asIo(Throwable e) {
    return e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
  }

  private static void move(Path partial, Path target) throws IOException {
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the renames durable: an fsync of the directory, where the platform lets one open it. */
  private void flushDirectory() throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
