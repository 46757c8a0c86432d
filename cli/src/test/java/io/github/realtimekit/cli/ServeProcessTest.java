package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a process of its own: it stops on SIGTERM with 0; it cuts off a client that sends
 * a byte a second; and killed with SIGKILL under a stream of deliveries, it archives after a restart
 * every delivery it had acknowledged.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeProcessTest {

  @TempDir
  Path dir;
  @TempDir
  Path keys;

  private ServeFakes fakes;
  private Path pem;

  @BeforeEach
  void setUp() throws IOException {
    fakes = new ServeFakes();
    pem = ServeFakes.writePem(keys);
  }

  @AfterEach
  void tearDown() {
    fakes.close();
  }

  @Test
  void stopsOnSigtermWithZero() throws Exception {
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem)) {
      URI url = serve.url();
      assertEquals(200, fakes.deliver(url, ServeFakes.meetingStarted(), "t-1").statusCode());
      assertEquals(0, serve.terminate(), String.join("\n", serve.errLines));
      assertTrue(serve.errLines.get(0).contains("0 journalled deliveries resumed"), serve.errLines.get(0));
    }
  }

  @Test
  void catchUpArchivesWhatWasUploadedMeanwhile() throws Exception {
    List<UUID> uploaded = List.of(UUID.randomUUID(), UUID.randomUUID());
    fakes.listed.addAll(uploaded);
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem, "--catch-up")) {
      serve.url();
      while (!archived().containsAll(uploaded)) {
        Thread.sleep(50);
      }
      while (serve.errLines.stream().noneMatch(l -> l.contains("catch-up:"))) {
        Thread.sleep(50);
      }
      assertEquals(0, serve.terminate());
      String summary = serve.errLines.stream().filter(l -> l.contains("catch-up:")).findFirst().orElseThrow();
      assertTrue(summary.contains("catch-up: 2 downloaded"), summary);
    }
  }

  @Test
  void connectionsPastTheCapAreClosedAtOnce() throws Exception {
    List<Socket> held = new java.util.ArrayList<>();
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem)) {
      int port = serve.url().getPort();
      for (int i = 0; i < 256; i++) {
        held.add(new Socket(InetAddress.getLoopbackAddress(), port));
      }
      try (Socket over = new Socket(InetAddress.getLoopbackAddress(), port)) {
        over.setSoTimeout(5000);
        int read;
        try {
          read = over.getInputStream().read();
        } catch (SocketException reset) {
          read = -1;
        }
        assertEquals(-1, read, "the connection past the cap is closed");
      }
      Socket first = held.get(0);
      first.setSoTimeout(100);
      try {
        first.getInputStream().read();
        throw new AssertionError("a connection within the cap was closed");
      } catch (java.net.SocketTimeoutException stillOpen) {
        // As it should be.
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aFloodOfOneMebibyteBodiesFitsInA48MebibyteHeap() throws Exception {
    byte[] body = new byte[WebhookServer.MAX_BODY];
    java.util.Arrays.fill(body, (byte) ' ');
    ExecutorService flood = Executors.newFixedThreadPool(32);
    try (ServeProcess serve = ServeProcess.startWithHeap("48m", fakes.baseUrl(), dir, pem)) {
      URI url = serve.url();
      List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
      for (int t = 0; t < 32; t++) {
        boolean chunked = t % 2 == 0;
        senders.add(flood.submit(() -> {
          for (int i = 0; i < 15; i++) {
            var publisher = chunked
                ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body);
            try {
              fakes.http.send(java.net.http.HttpRequest.newBuilder(url).POST(publisher)
                  .header("rtk-signature", "AAAA").build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException refusedWhileBusy) {
              // Every thread and queue place taken: the connection is closed.
            }
          }
          return null;
        }));
      }
      for (var s : senders) {
        s.get();
      }
      assertEquals(200, fakes.http.send(java.net.http.HttpRequest.newBuilder(url.resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode());
      assertEquals(0, serve.terminate());
      assertTrue(serve.errLines.stream().noneMatch(l -> l.contains("OutOfMemoryError")), String.join("\n",
          serve.errLines));
    } finally {
      flood.shutdownNow();
    }
  }

  @Test
  void aClientSendingAByteASecondIsCutOff() throws Exception {
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), serve.url().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nrtk-signature: AAAA\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      boolean cut = false;
      for (int i = 0; i < 1000 && !cut; i++) {
        try {
          out.write('{');
          out.flush();
          Thread.sleep(1000);
          if (socket.getInputStream().available() > 0) {
            cut = true;
          }
        } catch (SocketException closed) {
          cut = true;
        }
      }
      assertTrue(cut, "the slow sender was never cut off");
      InputStream in = socket.getInputStream();
      String answer;
      try {
        answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      } catch (SocketException reset) {
        answer = "";
      }
      assertTrue(!answer.startsWith("HTTP/1.1 2"), answer);
      assertEquals("", Files.readString(dir.resolve(DeliveryJournal.NAME)));
    }
  }

  @Test
  void killedUnderLoadItArchivesEveryAcknowledgedDeliveryAfterARestart() throws Exception {
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem, "--workers", "2", "--queue", "50")) {
      URI url = serve.url();
      for (int t = 0; t < 4; t++) {
        senders.execute(() -> {
          while (sending.get()) {
            UUID id = UUID.randomUUID();
            try {
              HttpResponse<String> r = fakes.deliver(url, ServeFakes.statusUpdate(id, "UPLOADED"), id.toString());
              if (r.statusCode() == 200) {
                acknowledged.add(id);
              }
            } catch (IOException | InterruptedException killed) {
              return;
            }
          }
        });
      }
      while (acknowledged.size() < 40) {
        Thread.sleep(10);
      }
      serve.kill();
      sending.set(false);
    } finally {
      senders.shutdown();
      senders.awaitTermination(30, TimeUnit.SECONDS);
    }
    try (ServeProcess again = ServeProcess.start(fakes.baseUrl(), dir, pem)) {
      again.url();
      while (!archived().containsAll(acknowledged)) {
        Thread.sleep(100);
      }
      assertEquals(0, again.terminate());
      String startup = again.errLines.stream().filter(l -> l.contains("listening on")).findFirst().orElseThrow();
      assertTrue(startup.matches(".*; \\d+ journalled deliveries resumed"), startup);
    }
    for (UUID id : acknowledged) {
      assertTrue(fakes.fetchesOf(id) >= 1);
    }
  }

  /** The recordings the manifest has a line for. */
  private Set<UUID> archived() throws IOException {
    Set<UUID> ids = new HashSet<>();
    Path manifest = dir.resolve(ArchiveManifest.NAME);
    if (!Files.exists(manifest)) {
      return ids;
    }
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(manifest);
    for (String line : lines) {
      try {
        ids.add(UUID.fromString(json.readTree(line).path("id").asText()));
      } catch (IOException | IllegalArgumentException torn) {
        // Being written.
      }
    }
    return ids;
  }
}
