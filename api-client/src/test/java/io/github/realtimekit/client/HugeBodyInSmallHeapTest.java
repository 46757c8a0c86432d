package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A 2 GB body against a 128 MB heap: a typed error, no OutOfMemoryError anywhere, no hang. */
@Timeout(120)
class HugeBodyInSmallHeapTest {

  @Test
  void aTwoGigabyteBodyEndsInTheTypedErrorWithinA128MegabyteHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        HugeBodyProbe.class.getName()))
        .redirectErrorStream(true)
        .start();
    boolean ended = process.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, "the probe hung: " + output);
    assertFalse(output.contains("OutOfMemoryError"), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("typed error: The response of listRecordings from 127.0.0.1:"), output);
    assertTrue(output.contains("exceeds the limit of 16777216 bytes"), output);
  }
}
