package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ArchiveProgress}, on a clock the test moves. */
class ArchiveProgressTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private void advance(long seconds) {
    clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void theLineSaysRecordingsDoneOfTheTotalBytesRateAndTimeLeft() {
    ArchiveProgress progress = new ArchiveProgress(err, true, clock::get);
    progress.total(40);
    for (int i = 0; i < 10; i++) {
      progress.recordingDone();
    }
    progress.started();
    progress.started();
    progress.bytes(10L * 1024 * 1024);
    advance(10);

    assertEquals("archive: 10/40 recordings, 2 downloading, 10.0 MiB at 1.0 MiB/s, ETA 0:30",
        progress.line(clock.get()));
    assertEquals("0:10", progress.elapsed());
  }

  @Test
  void withoutATotalThereIsNoEstimate() {
    ArchiveProgress progress = new ArchiveProgress(err, true, clock::get);
    progress.recordingDone();
    advance(2);

    assertEquals("archive: 1 recordings, 0 B at 0 B/s", progress.line(clock.get()));
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAtMostFourTimesASecondAndClearedForOtherLines() {
    ArchiveProgress progress = new ArchiveProgress(err, true, clock::get);
    progress.total(2);
    progress.started();
    progress.bytes(100);
    progress.bytes(100);
    advance(1);
    progress.bytes(100);
    progress.println(err, "a failure");

    String drawn = bytes.toString(StandardCharsets.UTF_8);
    String first = "archive: 0/2 recordings, 1 downloading, 0 B at 0 B/s";
    String second = "archive: 0/2 recordings, 1 downloading, 300 B at 300 B/s";
    assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length() > 0
        ? first.length() - second.length() : 0) + "\r" + " ".repeat(Math.max(first.length(), second.length())) + "\r"
        + "a failure" + System.lineSeparator(), drawn);
  }

  @Test
  void offATerminalNothingIsDrawn() {
    ArchiveProgress progress = new ArchiveProgress(err, false, clock::get);
    progress.total(2);
    progress.started();
    progress.bytes(100);
    advance(1);
    progress.recordingDone();
    progress.clear();

    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
