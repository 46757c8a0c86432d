package io.github.realtimekit.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The log of refused deliveries: one line each, at most {@link #LINES_PER_SECOND} a second, so that a
 * flood of forged or broken requests cannot flood the log too; the lines left out are counted in the
 * next line written.
 */
final class RefusalLog {

  /** The most lines written in any one second. */
  static final int LINES_PER_SECOND = 10;

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final PrintStream err;
  private final LongSupplier nanoTime;
  private long windowStart;
  private int written;
  private long leftOut;

  /**
   * Creates the log.
   *
   * @param err where the lines go
   * @param nanoTime the clock, {@link System#nanoTime()} outside tests
   */
  RefusalLog(PrintStream err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  /**
   * Logs a refusal, unless this second's lines are written already.
   *
   * @param line the line, without the tool's prefix
   */
  synchronized void refused(String line) {
    long now = nanoTime.getAsLong();
    if (now - windowStart >= SECOND) {
      windowStart = now;
      written = 0;
    }
    if (written == LINES_PER_SECOND) {
      leftOut++;
      return;
    }
    written++;
    String more = leftOut > 0 ? " (and " + leftOut + " more refused, not logged)" : "";
    leftOut = 0;
    err.println(RecordingsCli.NAME + ": serve: " + line + more);
  }
}
