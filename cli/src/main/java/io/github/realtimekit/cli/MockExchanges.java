package io.github.realtimekit.cli;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads the mock serves exchanges on: at most a fixed number at once, each for at most a fixed
 * time. The JDK's server reads a request's head and body on the thread it is given, so a client that
 * sends slowly, or stops, would hold a thread for good; past the deadline its thread is interrupted,
 * which closes the connection it is blocked on. An exchange that finds every thread busy is refused,
 * and the server closes its connection.
 */
final class MockExchanges implements Executor, AutoCloseable {

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService watchdog;
  private final long maxNanos;
  private final Set<Watched> running = ConcurrentHashMap.newKeySet();

  MockExchanges(int maxExchanges, Duration maxTime) {
    this.pool = new ThreadPoolExecutor(0, maxExchanges, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> daemon(r, "realtimekit-mock"), new ThreadPoolExecutor.AbortPolicy());
    this.maxNanos = maxTime.toNanos();
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "realtimekit-mock-watchdog"));
    long period = Math.max(20, Math.min(1000, maxTime.toMillis() / 4));
    watchdog.scheduleWithFixedDelay(this::interruptOverdue, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs an exchange on a free thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException if every thread is busy
   */
  @Override
  public void execute(Runnable exchange) {
    pool.execute(new Watched(exchange));
  }

  private void interruptOverdue() {
    long now = System.nanoTime();
    for (Watched watched : running) {
      watched.interruptIfOverdue(now);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    pool.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** An exchange and the thread it runs on, while it runs. */
  private final class Watched implements Runnable {
    private final Runnable exchange;
    private Thread thread;
    private long started;

    Watched(Runnable exchange) {
      this.exchange = exchange;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
        started = System.nanoTime();
      }
      running.add(this);
      try {
        exchange.run();
      } finally {
        running.remove(this);
        synchronized (this) {
          thread = null;
        }
        // An interrupt that came as the exchange ended must not reach the next one on this thread.
        Thread.interrupted();
      }
    }

    synchronized void interruptIfOverdue(long now) {
      if (thread != null && now - started > maxNanos) {
        thread.interrupt();
      }
    }
  }
}
