package io.github.realtimekit.cli;

import io.github.realtimekit.client.errors.NotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The threads {@code serve} archives on, after a delivery is answered: a fixed number, and room for
 * a fixed number of recordings waiting. A delivery takes its room ({@link #tryReserve()}) before it
 * is journalled; when there is none, it is answered 503 and the sender tries again later, so memory
 * stays bounded at any rate of deliveries. A recording that could not be archived (the API or the
 * download host failed) keeps its room and is tried again after {@link #RETRY_DELAYS}; after the last,
 * at the next start, from the journal.
 */
final class ServeWorkers implements AutoCloseable {

  /** How long to wait before each new try of a recording that failed. */
  static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(30));

  /** Archives one recording, as {@link Archive#runOne} does. */
  @FunctionalInterface
  interface Archiver {
    Archive.Summary archive(String recordingId);
  }

  private final DeliveryJournal journal;
  private final Archiver archiver;
  private final PrintStream err;
  private final LongSupplier nanoTime;
  private final Semaphore room;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService later;
  private volatile Thread resumer;
  private volatile boolean stopping;

  /**
   * Starts the workers.
   *
   * @param threads how many recordings are archived at once
   * @param waiting how many more may wait
   * @param journal the journal each finished delivery is marked done in
   * @param archiver archives a recording
   * @param err where the summary line of each recording goes
   * @param nanoTime the clock durations are measured with
   */
  ServeWorkers(int threads, int waiting, DeliveryJournal journal, Archiver archiver, PrintStream err,
      LongSupplier nanoTime) {
    this.journal = journal;
    this.archiver = archiver;
    this.err = err;
    this.nanoTime = nanoTime;
    this.room = new Semaphore(threads + waiting);
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> daemon(r, "realtimekit-serve-archive"));
    this.later = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "realtimekit-serve-retry"));
  }

  /**
   * Takes room for one recording, if there is any.
   *
   * @return true when taken: {@link #submit} or {@link #release} it
   */
  boolean tryReserve() {
    return room.tryAcquire();
  }

  /** Gives back room taken and not used. */
  void release() {
    room.release();
  }

  /**
   * Archives a delivery's recording in the room taken for it.
   *
   * @param delivery the journalled delivery
   */
  void submit(DeliveryJournal.Pending delivery) {
    pool.execute(() -> run(delivery, 0));
  }

  /**
   * Archives the deliveries the journal left pending, each as room frees, on a thread of its own so
   * that the server answers meanwhile.
   *
   * @param pending the journal's pending deliveries
   */
  void resume(List<DeliveryJournal.Pending> pending) {
    if (pending.isEmpty()) {
      return;
    }
    Thread t = daemon(() -> {
      try {
        for (DeliveryJournal.Pending delivery : pending) {
          room.acquire();
          submit(delivery);
        }
      } catch (InterruptedException | RejectedExecutionException stopped) {
        // Stopping: the rest stay pending in the journal.
      }
    }, "realtimekit-serve-resume");
    resumer = t;
    t.start();
  }

  private void run(DeliveryJournal.Pending delivery, int tries) {
    boolean keepRoom = false;
    try {
      String id = delivery.recordingId();
      if (journal.isArchived(id)) {
        journal.done(delivery.key(), id, true);
        return;
      }
      long start = nanoTime.getAsLong();
      Archive.Summary summary = archiver.archive(id);
      while (summary.busy.get() > 0 && summary.failed.get() == 0 && summary.listFailure == null) {
        // Another archive of this process is downloading it: once it is done, it is archived.
        Thread.sleep(1000);
        summary = archiver.archive(id);
      }
      String took = Output.duration(TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - start));
      if (stopping) {
        // Interrupted: the delivery stays pending in the journal, its file resumable.
        return;
      }
      if (summary.listFailure instanceof NotFoundException) {
        journal.done(delivery.key(), id, false);
        err.println(RecordingsCli.NAME + ": serve: recording " + id + " not archived: the API has no such recording");
        return;
      }
      if (summary.listFailure != null || summary.failed.get() > 0) {
        String why = summary.listFailure != null ? Archive.oneLine(String.valueOf(summary.listFailure.getMessage()))
            : summary.failed + " files failed";
        if (tries < RETRY_DELAYS.size()) {
          Duration delay = RETRY_DELAYS.get(tries);
          err.println(RecordingsCli.NAME + ": serve: recording " + id + " not archived: " + why + "; trying again in "
              + Output.duration(delay.toSeconds()));
          try {
            later.schedule(() -> pool.execute(() -> run(delivery, tries + 1)), delay.toMillis(),
                TimeUnit.MILLISECONDS);
            keepRoom = true;
          } catch (RejectedExecutionException stopped) {
            // Stopping: tried again at the next start.
          }
        } else {
          err.println(RecordingsCli.NAME + ": serve: recording " + id + " not archived: " + why
              + "; trying again at the next start");
        }
        return;
      }
      journal.done(delivery.key(), id, true);
      err.println(RecordingsCli.NAME + ": serve: recording " + id + ": " + summary.downloaded + " downloaded ("
          + Output.size(summary.downloadedBytes.get()) + "), " + summary.alreadyArchived + " already archived"
          + (summary.withoutUrl.get() > 0 ? ", no download URL" : "") + ", in " + took);
    } catch (InterruptedException stopped) {
      // Stopping: the delivery stays pending in the journal, its file resumable.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      err.println(RecordingsCli.NAME + ": serve: recording " + delivery.recordingId() + " archived, but "
          + Failure.cannotWrite("write", journal.path(), e).getMessage() + "; it is checked again at the next start");
    } finally {
      if (!keepRoom) {
        room.release();
      }
    }
  }

  /**
   * Stops: running downloads are interrupted, their files left to resume; nothing waiting starts.
   *
   * @param wait how long to wait for the threads to stop
   */
  void stop(Duration wait) {
    stopping = true;
    Thread t = resumer;
    if (t != null) {
      t.interrupt();
    }
    later.shutdownNow();
    pool.shutdownNow();
    try {
      pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
