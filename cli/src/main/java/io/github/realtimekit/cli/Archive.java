package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.client.RecordingDownloader.Kind;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.model.Recording;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Archives every recording a query matches into a directory: walks the list through the client's
 * pager and downloads each file that has a URL and is not archived yet, a few at a time.
 *
 * <ul>
 *   <li>A file is archived when it exists under its final name ({@link ArchiveNames}) with the size
 *       its manifest line records and the recording states, and with {@code --verify} the SHA-256 the
 *       line records ({@link ArchivedFile}); such a file is skipped without a request, any other is
 *       fetched again, with a note saying why. A file gets its final name only once complete, checked,
 *       flushed to disk and recorded in the manifest ({@link ArchiveManifest}): a download leaves it
 *       complete as its partial file and {@link ArchiveCommits} does the rest for many files at once;
 *       its path is printed, and it is counted, once its name is on disk.</li>
 *   <li>Downloads resume: an interrupted file is kept as {@code .NAME.part} and continued with a
 *       {@code Range} request next time (restarted when the host answers the whole file).</li>
 *   <li>A URL the host refuses (401, 403: expired or rejected) is replaced once by fetching the
 *       recording again.</li>
 *   <li>Order: the walk fills a window of the next {@value #WINDOW} files; whenever a download slot
 *       frees, the file in the window whose URL expires soonest goes next. Memory holds one page,
 *       the window, the downloads under way, and the manifest's record of each archived file.</li>
 * </ul>
 */
final class Archive {

  /** How many files waiting to download the walk looks ahead over to order them by expiry. */
  static final int WINDOW = 64;

  /** What a run did. */
  static final class Summary {
    final AtomicInteger downloaded = new AtomicInteger();
    final AtomicLong downloadedBytes = new AtomicLong();
    final AtomicInteger alreadyArchived = new AtomicInteger();
    final AtomicInteger withoutUrl = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    /** Of the failed, those whose file or manifest line could not be written. */
    final AtomicInteger unwritable = new AtomicInteger();
    final AtomicInteger refreshed = new AtomicInteger();
    final AtomicInteger recordings = new AtomicInteger();
    /** Files another archive in this process was downloading already: {@link #runOne} leaves them. */
    final AtomicInteger busy = new AtomicInteger();
    volatile RuntimeException listFailure;
  }

  /** One file to download, from the window. */
  private record Job(Recording recording, Kind kind, Path target, long order, Instant expiry, Tracker tracker) {
  }

  /** Counts a recording's files still under way, to count the recording done with its last. */
  private static final class Tracker {
    final AtomicInteger pending = new AtomicInteger(1);
  }

  private final RealtimeKitClient client;
  private final String account;
  private final String app;
  private final Path dir;
  private final boolean audio;
  private final boolean verify;
  private final int parallel;
  private final ArchiveProgress progress;
  private final Summary summary = new Summary();
  private final ArchiveDownload files;
  /** The files being downloaded, by any archive of this process: no file is downloaded twice at once. */
  private static final Set<Path> UNDER_WAY = ConcurrentHashMap.newKeySet();
  private final Set<Path> underWay = UNDER_WAY;

  Archive(RealtimeKitClient client, String account, String app, RecordingDownloader downloader, Path dir,
      boolean audio, boolean verify, int parallel, PrintStream out, PrintStream err, boolean terminal, Clock clock,
      LongSupplier nanoTime) {
    this.client = client;
    this.account = account;
    this.app = app;
    this.dir = dir;
    this.audio = audio;
    this.verify = verify;
    this.parallel = parallel;
    this.progress = new ArchiveProgress(err, terminal, nanoTime);
    this.files = new ArchiveDownload(client, downloader, out, progress, clock, summary, this::fail);
  }

  /**
   * Runs the archive.
   *
   * @param query the recordings to archive
   * @param commits gives the directory's downloaded files their final names
   * @return what it did, once every file downloaded is archived or failed; {@link Summary#listFailure} is
   *     set when the walk stopped on an error
   */
  Summary run(ListRecordingsQuery query, ArchiveCommits commits) {
    ArchiveManifest manifest = commits.manifest();
    ExecutorService workers = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "realtimekit-archive");
      t.setDaemon(true);
      return t;
    });
    Semaphore slots = new Semaphore(parallel);
    // This thread, and each file from its download's start until it is archived or failed.
    Phaser committing = new Phaser(1);
    PriorityQueue<Job> window = new PriorityQueue<>(Comparator.comparing(Job::expiry).thenComparingLong(Job::order));
    long order = 0;
    Iterator<Page<Recording>> walk = client.listRecordings(query).iterableByPage().iterator();
    try (PagesAhead<Page<Recording>> pages = new PagesAhead<>(walk)) {
      Iterator<Recording> items = List.<Recording>of().iterator();
      boolean walking = true;
      while (true) {
        while (walking && window.size() < WINDOW) {
          if (!items.hasNext()) {
            Page<Recording> page = nextPage(pages);
            if (page == null) {
              walking = false;
              break;
            }
            page.getTotalCount().ifPresent(progress::total);
            items = page.getItems().iterator();
            continue;
          }
          Recording recording = items.next();
          summary.recordings.incrementAndGet();
          Tracker tracker = new Tracker();
          for (Kind kind : audio ? List.of(Kind.VIDEO, Kind.AUDIO) : List.of(Kind.VIDEO)) {
            Job job = plan(recording, kind, order++, tracker, manifest);
            if (job != null) {
              window.add(job);
            }
          }
          finish(tracker);
        }
        if (window.isEmpty()) {
          break;
        }
        slots.acquire();
        Job job = window.poll();
        progress.started();
        committing.register();
        workers.execute(() -> {
          CompletableFuture<?> archived = CompletableFuture.completedFuture(null);
          try {
            archived = files.download(job.recording(), job.kind(), job.target(), commits);
          } finally {
            progress.stopped();
            slots.release();
            archived.whenComplete((done, e) -> {
              underWay.remove(job.target());
              finish(job.tracker());
              committing.arriveAndDeregister();
            });
          }
        });
      }
      slots.acquire(parallel);
      committing.awaitAdvanceInterruptibly(committing.arrive());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      summary.listFailure = new Failure(ExitCode.FAILURE, "archive interrupted", e);
    } finally {
      workers.shutdownNow();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      progress.clear();
    }
    return summary;
  }

  /**
   * Archives one recording on the calling thread: fetches it by its id first, for URLs that have not
   * expired, then downloads each of its files not archived yet, as {@link #run} does.
   *
   * @param recordingId the recording
   * @param commits gives the directory's downloaded files their final names
   * @return what it did, once its files are archived or failed; {@link Summary#listFailure} is set when
   *     the recording could not be fetched, {@link Summary#busy} counts files another archive of this
   *     process is downloading
   */
  Summary runOne(UUID recordingId, ArchiveCommits commits) {
    ArchiveManifest manifest = commits.manifest();
    Recording recording;
    try {
      recording = client.getRecording(recordingId);
    } catch (RuntimeException e) {
      summary.listFailure = e;
      return summary;
    }
    summary.recordings.incrementAndGet();
    Tracker tracker = new Tracker();
    for (Kind kind : audio ? List.of(Kind.VIDEO, Kind.AUDIO) : List.of(Kind.VIDEO)) {
      Job job = plan(recording, kind, 0, tracker, manifest);
      if (job != null) {
        CompletableFuture<?> archived = CompletableFuture.completedFuture(null);
        try {
          archived = files.download(job.recording(), job.kind(), job.target(), commits);
        } finally {
          archived.whenComplete((done, e) -> underWay.remove(job.target()));
        }
        try {
          archived.get();
        } catch (InterruptedException e) {
          // Stopping: the file stays as its partial file, or is archived in a moment.
          Thread.currentThread().interrupt();
          return summary;
        } catch (ExecutionException e) {
          throw new IllegalStateException("an archived file's outcome is never a failure", e);
        }
      }
    }
    return summary;
  }

  /**
   * Returns the time since the archive started.
   *
   * @return {@code m:ss} or {@code h:mm:ss}
   */
  String elapsed() {
    return progress.elapsed();
  }

  /** Takes the next page, null after the last; keeps a failure for the summary instead of throwing it. */
  private Page<Recording> nextPage(PagesAhead<Page<Recording>> pages) throws InterruptedException {
    try {
      return pages.next();
    } catch (RuntimeException e) {
      summary.listFailure = e;
      return null;
    }
  }

  /** Decides what to do with one of a recording's files: null when there is nothing to download. */
  private Job plan(Recording recording, Kind kind, long order, Tracker tracker, ArchiveManifest manifest) {
    if (kind.url(recording).isEmpty()) {
      if (kind == Kind.VIDEO) {
        summary.withoutUrl.incrementAndGet();
      }
      return null;
    }
    if (recording.getId() == null) {
      fail("a recording without an id (" + kind.getField() + " " + Download.withoutQuery(kind.url(recording).get())
          + ")");
      return null;
    }
    Path target = dir.resolve(ArchiveNames.fileName(recording, kind));
    if (underWay.contains(target)) {
      // The walk met this recording twice (the list changed between pages): once is enough.
      summary.busy.incrementAndGet();
      return null;
    }
    ArchivedFile.Check check = ArchivedFile.check(target, manifest.entry(target.getFileName().toString()),
        kind.statedSize(recording), verify);
    if (check.archived()) {
      summary.alreadyArchived.incrementAndGet();
      return null;
    }
    if (check.reason() != null) {
      progress.println(progress.err(), RecordingsCli.NAME + ": archive: " + oneLine(check.reason()));
    }
    if (!underWay.add(target)) {
      // The walk met this recording twice (the list changed between pages): once is enough.
      summary.busy.incrementAndGet();
      return null;
    }
    tracker.pending.incrementAndGet();
    Instant expiry = recording.getDownloadUrlExpiry() == null ? Instant.MAX
        : recording.getDownloadUrlExpiry().toInstant();
    return new Job(recording, kind, target, order, expiry, tracker);
  }

  private void fail(String message) {
    summary.failed.incrementAndGet();
    progress.println(progress.err(), RecordingsCli.NAME + ": archive: " + oneLine(message));
  }

  private void finish(Tracker tracker) {
    if (tracker.pending.decrementAndGet() == 0) {
      progress.recordingDone();
    }
  }

  /** One line, with every other control character escaped: messages can carry a server's text. */
  static String oneLine(String message) {
    String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
