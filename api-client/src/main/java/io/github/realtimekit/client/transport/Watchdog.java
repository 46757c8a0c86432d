package io.github.realtimekit.client.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Ends the blocking exchanges of {@link Http1Transport} that must end: the ones whose deadline
 * has passed, and the ones whose thread was interrupted (a blocked socket read does not see an
 * interrupt on a platform thread). One daemon thread for the whole process looks at the exchanges
 * under way every {@link #TICK_MILLIS} ms and parks when there are none; an exchange costs one entry
 * in a set, and no scheduling or wake-up of its own, which is what keeps a small call cheap.
 */
final class Watchdog {

  /** How often the exchanges under way are looked at: the latest a deadline or a cancel is acted on. */
  static final long TICK_MILLIS = 10;

  static final Watchdog SHARED = new Watchdog(System::nanoTime, true);

  /** Something the watchdog can end: closing a connection's socket. */
  interface Ending {
    void end();
  }

  /** One exchange under way. */
  final class Watched implements AutoCloseable {
    private final long deadline;
    private volatile @Nullable Ending ending;
    private volatile Thread owner;
    private volatile boolean expired;
    private volatile boolean cancelled;

    Watched(Thread owner, long deadline) {
      this.owner = owner;
      this.deadline = deadline;
    }

    /** What ends the exchange from now on; run at once if it has been ended already. */
    void ending(Ending end) {
      ending = end;
      if (expired || cancelled) {
        end.end();
      }
    }

    /** The thread whose interrupt cancels the exchange from now on (a body's reader). */
    void owner(Thread thread) {
      owner = thread;
    }

    /** True once the deadline ended the exchange. */
    boolean expired() {
      return expired;
    }

    /** True once an interrupt of its thread ended the exchange. */
    boolean cancelled() {
      return cancelled;
    }

    /** Looks at the exchange once; true when it was ended. */
    boolean check(long now) {
      if (owner.isInterrupted()) {
        cancelled = true;
      } else if (deadline != 0 && now - deadline >= 0) {
        expired = true;
      } else {
        return false;
      }
      Ending end = ending;
      if (end != null) {
        end.end();
      }
      return true;
    }

    /** The exchange is over: no longer watched. */
    @Override
    public void close() {
      watched.remove(this);
    }
  }

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final LongSupplier nanoTime;
  private volatile boolean sleeping;
  private volatile boolean parkedForever;
  private volatile Thread thread;

  private final boolean threaded;

  /**
   * Creates a watchdog.
   *
   * @param nanoTime the clock of the deadlines
   * @param threaded false for one that only {@link #tick()} drives (tests)
   */
  Watchdog(LongSupplier nanoTime, boolean threaded) {
    this.nanoTime = nanoTime;
    this.threaded = threaded;
  }

  /**
   * Watches an exchange of the calling thread.
   *
   * @param deadlineNanos when it must be over, on {@link System#nanoTime()}'s clock, or 0 for never
   *     (its thread's interrupt still ends it)
   * @return the handle, to be closed when the exchange is over
   */
  Watched watch(long deadlineNanos) {
    Watched w = new Watched(Thread.currentThread(), deadlineNanos == 0 ? 0 : deadlineNanos | 1);
    watched.add(w);
    wake(sleeping);
    return w;
  }

  /** Looks at every exchange once; for tests, which drive it without the thread. */
  void tick() {
    long now = nanoTime.getAsLong();
    watched.removeIf(w -> w.check(now));
  }

  private synchronized void start() {
    if (thread == null && threaded) {
      Thread t = new Thread(this::run, "realtimekit-watchdog");
      t.setDaemon(true);
      thread = t;
      t.start();
    }
  }

  /** A connection went back to the pool: the thread closes it once it has been idle too long. */
  void poolHasIdle() {
    wake(parkedForever);
  }

  /** Starts the thread, or unparks it when it is parked where this news must wake it. */
  private void wake(boolean parked) {
    Thread t = thread;
    if (t == null) {
      start();
    } else if (parked) {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    long lastSweep = nanoTime.getAsLong();
    while (true) {
      if (watched.isEmpty()) {
        sleeping = true;
        if (watched.isEmpty()) {
          if (Http1Pool.SHARED.isEmpty()) {
            parkedForever = true;
            if (Http1Pool.SHARED.isEmpty()) {
              LockSupport.park(this);
            }
            parkedForever = false;
          } else {
            LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
          }
        }
        sleeping = false;
      } else {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
      }
      try {
        tick();
        long now = nanoTime.getAsLong();
        if (now - lastSweep >= TimeUnit.SECONDS.toNanos(1)) {
          lastSweep = now;
          Http1Pool.SHARED.sweep(now);
        }
      } catch (RuntimeException e) {
        // A connection that failed to close is left to its own timeouts; the watchdog goes on.
      }
    }
  }
}
