package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.realtimekit.fixtures.LoopbackServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Java 21 and later: ten thousand virtual threads call through one client, and every call
 * completes, without pinning a carrier thread (JFR's {@code jdk.VirtualThreadPinned}, with no
 * threshold) and without more than a few platform threads besides. The client is Java 17 bytecode,
 * so the virtual-thread executor is reached by reflection; on Java 17 the test is skipped.
 */
@Timeout(300)
class VirtualThreadsTest {

  static final int CALLS = 10_000;
  /** Calls in flight at once: the loopback server's accept queue, not the client, is the limit here. */
  static final int IN_FLIGHT = 200;
  /** Platform threads the run may add: the JDK HttpClient's selector and workers, the deadline thread. */
  static final int MORE_PLATFORM_THREADS = 16;

  @Test
  void tenThousandVirtualThreadsCallThroughOneClient(@TempDir Path dir) throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
    byte[] body = RequestBodyTest.RECORDING.getBytes(StandardCharsets.UTF_8);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (LoopbackServer server = LoopbackServer.json(uri -> body);
        RealtimeKitClient client = HostileServerTest.client(server.baseUrl())
            .rateLimits(java.util.List.of()).build();  // a loopback server has no account budget
        Recording recording = new Recording()) {
      UUID id = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
      client.getRecording(id);
      ExecutorService virtual = (ExecutorService) Executors.class
          .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      // The JDK starts its poller of virtual threads' sockets at the first socket wait of a virtual
      // thread, and the others waiting for that class's initialisation are pinned once, by the JDK: a
      // virtual thread waits on a socket first, for a byte sent 100 ms after it connects.
      try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        Future<Integer> read = virtual.submit(() -> {
          try (java.net.Socket socket = new java.net.Socket(listener.getInetAddress(), listener.getLocalPort())) {
            return socket.getInputStream().read();
          }
        });
        try (java.net.Socket accepted = listener.accept()) {
          Thread.sleep(100);
          accepted.getOutputStream().write(7);
        }
        assertEquals(7, read.get(60, TimeUnit.SECONDS));
      }
      virtual.submit(() -> client.getRecording(id)).get(60, TimeUnit.SECONDS);
      recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();
      Semaphore inFlight = new Semaphore(IN_FLIGHT);
      List<Future<String>> calls = new ArrayList<>(CALLS);
      try {
        for (int i = 0; i < CALLS; i++) {
          calls.add(virtual.submit(() -> {
            inFlight.acquire();
            try {
              return client.getRecording(id).getOutputFileName();
            } finally {
              inFlight.release();
            }
          }));
        }
        for (Future<String> call : calls) {
          assertEquals("m.mp4", call.get(120, TimeUnit.SECONDS));
        }
      } finally {
        virtual.shutdownNow();
      }
      int peak = threads.getPeakThreadCount();
      recording.stop();
      Path jfr = dir.resolve("pinned.jfr");
      recording.dump(jfr);
      List<RecordedEvent> pinned = RecordingFile.readAllEvents(jfr);
      assertEquals(List.of(), pinned.stream().map(e -> (e.hasField("pinnedReason") ? e.getString("pinnedReason") + " " : "")
          + e.getDuration() + " " + e.getStackTrace()).toList(),
          "no virtual thread pinned its carrier");
      assertEquals(CALLS + 2, server.requestCount());
      assertTrue(peak <= before + MORE_PLATFORM_THREADS, () -> "platform threads: " + before + " before, peak " + peak
          + ": " + Thread.getAllStackTraces().keySet().stream()
              .collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "N"),
                  java.util.TreeMap::new, java.util.stream.Collectors.counting())));
      assertTrue(Files.size(jfr) > 0);
    }
  }
}
