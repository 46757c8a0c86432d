package io.github.realtimekit.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of an archive on standard error, one line redrawn in place on a terminal: recordings
 * done of the total, downloads under way, bytes, rate and an estimate of the time left. Off a terminal
 * it draws nothing. Lines printed through it do not tangle with the progress line.
 */
final class ArchiveProgress {

  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long start;
  private long total = -1;
  private long done;
  private int underWay;
  private long bytes;
  private long lastDraw;
  private int drawnWidth;

  /**
   * Creates the progress display.
   *
   * @param err standard error
   * @param terminal whether it is a terminal
   * @param nanoTime the clock, {@link System#nanoTime()} outside tests
   */
  ArchiveProgress(PrintStream err, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  PrintStream err() {
    return err;
  }

  synchronized void total(long recordings) {
    total = recordings;
  }

  synchronized void started() {
    underWay++;
    maybeDraw();
  }

  synchronized void stopped() {
    underWay--;
  }

  synchronized void bytes(long delta) {
    bytes += delta;
    maybeDraw();
  }

  synchronized void recordingDone() {
    done++;
    maybeDraw();
  }

  /**
   * Prints a line to a stream, clearing the progress line first.
   *
   * @param stream standard output or standard error
   * @param line the line
   */
  synchronized void println(PrintStream stream, String line) {
    clear();
    stream.println(line);
    stream.flush();
  }

  /** Removes the progress line. */
  synchronized void clear() {
    if (terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
      lastDraw = nanoTime.getAsLong() - REDRAW_NANOS;
    }
  }

  private void maybeDraw() {
    if (!terminal) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = line(now);
    String pad = line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : "";
    err.print("\r" + line + pad);
    err.flush();
    drawnWidth = line.length();
  }

  /**
   * Returns the progress line as of a time.
   *
   * @param now the clock's reading
   * @return such as {@code archive: 12/40 recordings, 2 downloading, 1.2 GiB at 4.5 MiB/s, ETA 2:10}
   */
  synchronized String line(long now) {
    double elapsed = Math.max(1e-3, (now - start) / 1e9);
    StringBuilder b = new StringBuilder("archive: ").append(done);
    b.append(total >= 0 ? "/" + total : "").append(" recordings");
    if (underWay > 0) {
      b.append(", ").append(underWay).append(" downloading");
    }
    b.append(", ").append(Output.size(bytes)).append(" at ").append(Output.size((long) (bytes / elapsed))).append("/s");
    if (total > 0 && done > 0 && done < total) {
      long seconds = Math.round(elapsed * (total - done) / done);
      b.append(", ETA ").append(Output.duration(seconds));
    }
    return b.toString();
  }

  /**
   * Returns the time since the start, as {@code m:ss}.
   *
   * @return the elapsed time
   */
  synchronized String elapsed() {
    return Output.duration(TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - start));
  }
}
