package io.github.realtimekit.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.OperationDescriptor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport against servers that are slow, huge or silent. */
@Timeout(30)
class JdkTransportTest {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static final OperationDescriptor OPERATION = new OperationDescriptor("x", "x", "GET", "/x", true, false);

  static HttpResponse send(LoopbackServer server, long maxBytes, Duration timeout) throws IOException {
    HttpRequest request = HttpRequest.of(OPERATION, "GET", server.baseUrl() + "/x", Map.of(), null);
    return new JdkTransport(HTTP, maxBytes, timeout).send(request);
  }

  @Test
  void aBodyThatDripsEndsAtTheDeadline() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
      for (int i = 0; i < 100; i++) {
        Thread.sleep(100);
        LoopbackServer.write(out, " ");
      }
    })) {
      HttpTimeoutException e = assertThrows(HttpTimeoutException.class,
          () -> send(server, 1 << 20, Duration.ofMillis(500)));
      assertEquals("no complete response within 500 ms", e.getMessage());
    }
  }

  @Test
  void aServerThatSendsHeadersAndThenNothingEndsAtTheDeadline() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
      release.await(20, TimeUnit.SECONDS);
    })) {
      assertThrows(HttpTimeoutException.class, () -> send(server, 1 << 20, Duration.ofMillis(300)));
    } finally {
      release.countDown();
    }
  }

  @Test
  void anEndlessBodyFailsAfterTheLimitAndTheConnectionIsDropped() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch dropped = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      try {
        for (int i = 0; i < 1_000_000; i++) {
          out.write(chunk);
          written.addAndGet(0x4000);
        }
      } catch (IOException clientWentAway) {
        dropped.countDown();
      }
    })) {
      HttpTransport.ResponseTooLargeIOException e = assertThrows(HttpTransport.ResponseTooLargeIOException.class,
          () -> send(server, 64 * 1024, Duration.ofSeconds(20)));
      assertEquals(64 * 1024, e.limit());
      assertTrue(dropped.await(20, TimeUnit.SECONDS), "the server saw the connection dropped");
      assertTrue(written.get() < 1_000_000L * 0x4000, "the server could not write the whole body");
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitFailsWithoutReading() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) ->
        LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n{\"a\":"))) {
      HttpTransport.ResponseTooLargeIOException e = assertThrows(HttpTransport.ResponseTooLargeIOException.class,
          () -> send(server, 1 << 20, Duration.ofSeconds(5)));
      assertEquals("the response body of 2147483648 bytes (Content-Length) exceeds the limit of 1048576 bytes",
          e.getMessage());
    }
  }

  @Test
  void anErrorBodyIsCutAtItsSmallCap() throws Exception {
    String big = "e".repeat(1 << 20);
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(500, big))) {
      HttpResponse response = send(server, 16 << 20, Duration.ofSeconds(5));
      assertEquals(500, response.status());
      assertEquals(JdkTransport.MAX_ERROR_BODY_BYTES, response.bodyLength());
    }
  }

  @Test
  void aWholeBodyIsReadIntoOneArray() throws Exception {
    String body = "{\"success\":true,\"pad\":\"" + "p".repeat(300_000) + "\"}";
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(200, body))) {
      HttpResponse response = send(server, 1 << 20, Duration.ofSeconds(5));
      assertEquals(body, new String(response.bodyArray(), 0, response.bodyLength(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anInterruptCancelsTheCallAndKeepsTheFlag() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      requested.countDown();
      release.await(20, TimeUnit.SECONDS);
    })) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          send(server, 1 << 20, Duration.ofSeconds(20));
        } catch (Throwable t) {
          thrown.set(t);
        }
        flag.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      assertTrue(requested.await(10, TimeUnit.SECONDS));
      caller.interrupt();
      caller.join(10_000);
      assertTrue(thrown.get() instanceof HttpTransport.CallCancelledIOException, String.valueOf(thrown.get()));
      assertEquals(Boolean.TRUE, flag.get());
    } finally {
      release.countDown();
    }
  }
}
