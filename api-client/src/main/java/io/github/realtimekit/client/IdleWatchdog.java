package io.github.realtimekit.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that has received nothing for longer than its idle timeout, which wakes the
 * thread blocked reading it. One daemon thread serves every download in the JVM.
 */
final class IdleWatchdog {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private IdleWatchdog() {
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "realtimekit-download-watchdog");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * Starts watching a body.
   *
   * @param idle the longest wait for the next bytes
   * @param body what to close when they do not come
   * @return the watch; cancel it when the body is done
   */
  static Watch watch(Duration idle, Closeable body) {
    Watch watch = new Watch(idle.toNanos(), body);
    long period = Math.max(10, Math.min(1000, idle.toMillis() / 4));
    watch.future = TIMER.scheduleWithFixedDelay(watch::check, period, period, TimeUnit.MILLISECONDS);
    return watch;
  }

  /** One watched body. */
  static final class Watch {
    private final long idleNanos;
    private final Closeable body;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stalled;
    private volatile ScheduledFuture<?> future;

    private Watch(long idleNanos, Closeable body) {
      this.idleNanos = idleNanos;
      this.body = body;
    }

    /** Notes that bytes arrived. */
    void touch() {
      lastActivity = System.nanoTime();
    }

    /**
     * Tells whether the body was closed for stalling.
     *
     * @return true once the idle timeout passed without bytes
     */
    boolean stalled() {
      return stalled;
    }

    /** Stops watching. */
    void cancel() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }

    private void check() {
      if (!stalled && System.nanoTime() - lastActivity > idleNanos) {
        stalled = true;
        cancel();
        try {
          body.close();
        } catch (IOException | RuntimeException e) {
          // Closing only to wake the reader.
        }
      }
    }
  }
}
