package io.github.realtimekit.client.core;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The one gate every attempt of one client passes before it is sent: shut for everyone while a
 * server's {@code 429} asks to be left alone, and, when limits are set, kept under each of them.
 *
 * <p>Each limit is a sliding window, {@code requests} sends in any {@code window}: the sends of the
 * last window are kept in a ring, and a send waits until the oldest of them has left the window. No
 * burst can exceed a budget, as a token bucket's refill would let it do at a window's edge.
 *
 * <p>A waiting thread holds no lock: it works out how long to wait, sleeps that long with the
 * injected sleeper, and looks again. Time ({@code System.nanoTime} in production) and sleeping are
 * injected; an interrupt ends the wait in {@link InterruptedException}, the flag cleared as
 * {@code Thread.sleep} leaves it.
 */
final class RateGate {

  /** A budget: at most {@code requests} sends in any window of {@code windowNanos}. */
  static final class Limit {
    final int requests;
    final long windowNanos;

    Limit(int requests, Duration window) {
      if (requests < 1) {
        throw new IllegalArgumentException("requests: must be 1 or more, was " + requests);
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window: must be positive, was " + window);
      }
      this.requests = requests;
      this.windowNanos = window.toNanos();
    }
  }

  private final LongSupplier nanoTime;
  private final HttpPipeline.Sleeper sleeper;
  private final Limit[] limits;
  /** Per limit, the send times of the last {@code requests} sends, oldest at {@code next}. */
  private final long[][] sent;
  private final int[] next;
  private final int[] count;
  private boolean paused;
  private long pausedUntil;

  RateGate(List<Limit> limits, LongSupplier nanoTime, HttpPipeline.Sleeper sleeper) {
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.limits = limits.toArray(new Limit[0]);
    this.sent = new long[this.limits.length][];
    for (int i = 0; i < this.limits.length; i++) {
      sent[i] = new long[this.limits[i].requests];
    }
    this.next = new int[this.limits.length];
    this.count = new int[this.limits.length];
  }

  /**
   * Waits until a request may leave, and counts it as sent.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void acquire() throws InterruptedException {
    for (;;) {
      long wait = tryAcquire();
      if (wait <= 0) {
        return;
      }
      sleeper.sleep(waitOf(wait));
    }
  }

  /**
   * A wait of {@link #tryAcquire()}'s nanoseconds in whole milliseconds, rounded up: a wait cut short by
   * a truncated millisecond would only look again.
   */
  static Duration waitOf(long nanos) {
    return Duration.ofMillis((nanos + 999_999) / 1_000_000);
  }

  /** Counts a send and returns 0, or returns how many nanoseconds to wait before asking again. */
  synchronized long tryAcquire() {
    long now = nanoTime.getAsLong();
    long wait = 0;
    if (paused) {
      if (pausedUntil - now > 0) {
        return pausedUntil - now;
      }
      paused = false;
    }
    for (int i = 0; i < limits.length; i++) {
      if (count[i] == limits[i].requests) {
        wait = Math.max(wait, sent[i][next[i]] + limits[i].windowNanos - now);
      }
    }
    if (wait > 0) {
      return wait;
    }
    for (int i = 0; i < limits.length; i++) {
      sent[i][next[i]] = now;
      next[i] = (next[i] + 1) % limits[i].requests;
      count[i] = Math.min(count[i] + 1, limits[i].requests);
    }
    return 0;
  }

  /**
   * Shuts the gate for everyone for a while from now; a later end already set is kept.
   *
   * @param duration how long, 0 or more
   */
  synchronized void pause(Duration duration) {
    long until = nanoTime.getAsLong() + Math.max(0, duration.toNanos());
    if (!paused || until - pausedUntil > 0) {
      pausedUntil = until;
      paused = true;
    }
  }

  /** Whether the gate is shut at this moment; for tests. */
  synchronized boolean isPaused() {
    return paused && pausedUntil - nanoTime.getAsLong() > 0;
  }
}
