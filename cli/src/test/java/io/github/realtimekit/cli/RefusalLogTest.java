package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A flood of refusals logs ten lines a second, and the next line counts those left out. */
class RefusalLogTest {

  @Test
  void aFloodIsLoggedTenLinesASecondAndTheRestCounted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] now = {0};
    RefusalLog log = new RefusalLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0]);
    for (int i = 0; i < 1000; i++) {
      log.refused("401 to 192.0.2.1: the signature does not verify");
    }
    now[0] += TimeUnit.SECONDS.toNanos(1);
    log.refused("400 to 192.0.2.1: no signature");
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(RefusalLog.LINES_PER_SECOND + 1, lines.size());
    assertTrue(lines.get(lines.size() - 1).endsWith("no signature (and 990 more refused, not logged)"),
        lines.get(lines.size() - 1));
  }
}
