package io.github.realtimekit.client.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.core.BodyStream;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/1.1 transport against servers that are slow, silent, malformed, or that close connections. */
@Timeout(30)
class Http1TransportTest {

  static final OperationDescriptor GET = new OperationDescriptor("x", "x", "GET", "/x", true, false);
  static final OperationDescriptor POST = new OperationDescriptor("y", "y", "POST", "/y", false, false);

  static final Http1Transport TRANSPORT = new Http1Transport(Duration.ofSeconds(5), 1 << 20, Duration.ofSeconds(20),
      null);

  static HttpResponse get(LoopbackServer server, Duration timeout) throws IOException {
    return TRANSPORT.send(HttpRequest.of(GET, "GET", server.baseUrl() + "/x", Map.of(), null, timeout, -1));
  }

  static HttpResponse post(LoopbackServer server, String body) throws IOException {
    return TRANSPORT.send(HttpRequest.of(POST, "POST", server.baseUrl() + "/y",
        Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(HttpResponse response) {
    return new String(response.bodyArray(), 0, response.bodyLength(), StandardCharsets.UTF_8);
  }

  @Test
  void aBodyThatDripsEndsAtTheDeadline() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{");
      for (int i = 0; i < 100; i++) {
        Thread.sleep(100);
        LoopbackServer.write(out, " ");
      }
    })) {
      HttpTimeoutException e = assertThrows(HttpTimeoutException.class, () -> get(server, Duration.ofMillis(500)));
      assertEquals("no complete response within 500 ms", e.getMessage());
    }
  }

  @Test
  void anInterruptEndsAReadBlockedOnASilentServerAndKeepsTheFlag() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{");
      sent.countDown();
      release.await(20, TimeUnit.SECONDS);
    })) {
      AtomicReference<Thread> caller = new AtomicReference<>();
      CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
        caller.set(Thread.currentThread());
        try {
          return get(server, Duration.ofSeconds(20));
        } catch (IOException e) {
          return List.of(e, Thread.currentThread().isInterrupted());
        }
      });
      assertTrue(sent.await(10, TimeUnit.SECONDS));
      Thread.sleep(100);
      caller.get().interrupt();
      // Well before the 20 s deadline: the socket was closed under the read.
      assertEquals(List.of(HttpTransport.CallCancelledIOException.class, true),
          ((List<?>) result.get(10, TimeUnit.SECONDS)).stream()
              .map(o -> o instanceof Throwable ? o.getClass() : o).toList());
    } finally {
      release.countDown();
    }
  }

  @Test
  void anInterruptedThreadSendsNothing() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(200, "{}"))) {
      Thread.currentThread().interrupt();
      try {
        assertThrows(HttpTransport.CallCancelledIOException.class, () -> get(server, Duration.ofSeconds(5)));
        assertTrue(Thread.currentThread().isInterrupted());
      } finally {
        Thread.interrupted();
      }
      Thread.sleep(100);
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void aPostWhoseConnectionClosesAfterTheServerReadItIsSentOnce() throws Exception {
    AtomicInteger posts = new AtomicInteger();
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> posts.incrementAndGet())) {
      IOException e = assertThrows(IOException.class, () -> post(server, "{\"a\":1}"));
      assertTrue(e.getMessage().contains("closed before any answer"), e.getMessage());
      Thread.sleep(200);
      assertEquals(1, posts.get());
    }
  }

  @Test
  void aPooledConnectionTheServerClosedIsNotUsedForAPostAndAGetIsSentAgainOnANewOne() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    // Each connection answers one request without saying it closes, then closes: the client pools it.
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      requests.incrementAndGet();
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    })) {
      assertEquals("{}", text(get(server, Duration.ofSeconds(5))));
      Thread.sleep(200);
      assertEquals("{}", text(post(server, "{}")));
      Thread.sleep(200);
      assertEquals("{}", text(get(server, Duration.ofSeconds(5))));
      assertEquals(3, requests.get());
    }
  }

  @Test
  void aConnectionIsUsedAgainAfterABodyReadToItsEnd() throws Exception {
    try (LoopbackServer server = LoopbackServer.json(uri -> "{\"n\":1}".getBytes(StandardCharsets.UTF_8))) {
      for (int i = 0; i < 5; i++) {
        assertEquals("{\"n\":1}", text(get(server, Duration.ofSeconds(5))));
      }
      assertEquals(5, server.requestCount());
    }
  }

  @Test
  void malformedOrOversizedHeadsFail() throws Exception {
    String longLine = "X-Long: " + "a".repeat(9000);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      many.append("X-").append(i).append(": 1\r\n");
    }
    Map<String, String> cases = Map.of(
        "HTTP/1.1 2OO OK\r\n\r\n", "malformed status line",
        "ICY 200 OK\r\n\r\n", "malformed status line",
        "HTTP/1.1 200 OK\r\n" + longLine + "\r\n\r\n", "longer than 8192 bytes",
        "HTTP/1.1 200 OK\r\n" + many + "\r\n", "more than 200 headers",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "conflicting Content-Length",
        "HTTP/1.1 200 OK\r\nContent-Length: -2\r\n\r\n{}", "malformed Content-Length",
        "HTTP/1.1 200 OK\r\n Folded: x\r\n\r\n", "malformed header line",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed chunk size");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, c.getKey()))) {
        IOException e = assertThrows(IOException.class, () -> get(server, Duration.ofSeconds(5)), c.getValue());
        assertTrue(e.getMessage().contains(c.getValue()), c.getValue() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void aBodyCutShortFailsAndNeverPassesForAWholeOne() throws Exception {
    for (String answer : List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n")) {
      try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, answer))) {
        IOException e = assertThrows(IOException.class, () -> get(server, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("EOF"), e.getMessage());
      }
    }
  }

  @Test
  void chunksWithExtensionsAndTrailersAndAnInterimAnswerAreRead() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out,
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Answer: a\r\nx-answer: b\r\n\r\n"
            + "3;ext=1\r\n{\"a\r\n5\r\n\":12}\r\n0\r\nTrailer: x\r\n\r\n"))) {
      HttpResponse response = get(server, Duration.ofSeconds(5));
      assertEquals(200, response.status());
      assertEquals("{\"a\":12}", text(response));
      assertEquals(List.of("a", "b"), response.headers().get("X-Answer"));
    }
  }

  @Test
  void aBodyOverTheLimitFailsAtOnceAndAnErrorBodyIsCut() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) ->
        LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n{"))) {
      HttpTransport.ResponseTooLargeIOException e = assertThrows(HttpTransport.ResponseTooLargeIOException.class,
          () -> get(server, Duration.ofSeconds(5)));
      assertTrue(e.getMessage().contains("2000000 bytes (Content-Length)"), e.getMessage());
    }
    String big = "e".repeat(100_000);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out,
        "HTTP/1.1 500 X\r\nContent-Length: " + big.length() + "\r\n\r\n" + big))) {
      HttpResponse response = get(server, Duration.ofSeconds(5));
      assertEquals(500, response.status());
      assertEquals(JdkTransport.MAX_ERROR_BODY_BYTES, response.bodyLength());
    }
  }

  @Test
  void aHeaderThatCouldBreakTheRequestIsRefusedBeforeAnythingIsSent() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(200, "{}"))) {
      for (Map<String, List<String>> headers : List.of(Map.of("X-A", List.of("a\r\nHost: evil")),
          Map.of("X A", List.of("a")), Map.of("X-A", List.of("\u20ac")))) {
        assertThrows(IllegalArgumentException.class, () -> TRANSPORT.send(HttpRequest.of(GET, "GET",
            server.baseUrl() + "/x", headers, null)));
      }
      Thread.sleep(100);
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void aPatchGoesOutWithItsBodyAndLength() throws Exception {
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
      byte[] echo = (request.line() + " " + new String(request.body(), StandardCharsets.UTF_8)).getBytes(
          StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, echo.length);
      exchange.getResponseBody().write(echo);
    })) {
      HttpResponse response = TRANSPORT.send(HttpRequest.of(POST, "PATCH", server.baseUrl() + "/p?q=1",
          Map.of(), "{\"b\":2}".getBytes(StandardCharsets.UTF_8)));
      assertEquals("PATCH /client/v4/p?q=1 HTTP/1.1 {\"b\":2}", text(response));
      assertEquals("7", server.lastRequest().headers().get("Content-length").get(0));
    }
  }

  @Test
  void aStreamedBodyIsReadOnTheCallersThreadAndAStallEndsItAfterTheIdleTimeout() throws Exception {
    byte[] file = new byte[300_000];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) i;
    }
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + (file.length + 1) + "\r\n\r\n").getBytes(
          StandardCharsets.ISO_8859_1));
      out.write(file);
      out.flush();
      release.await(20, TimeUnit.SECONDS);
    })) {
      HttpResponse response = TRANSPORT.send(HttpRequest.streamed(GET, server.url("/f"), Map.of(),
          Duration.ofMillis(300)));
      BodyStream body = response.stream();
      byte[] read = new byte[file.length];
      int n = 0;
      while (n < read.length) {
        n += body.read(read, n, read.length - n);
      }
      assertArrayEquals(file, read);
      assertThrows(HttpTransport.BodyStalledIOException.class, () -> body.read(new byte[10], 0, 10));
      assertEquals(-1, body.read(new byte[10], 0, 10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void theWatchdogEndsExpiredAndInterruptedExchangesOnly() {
    long[] now = {0};
    Watchdog watchdog = new Watchdog(() -> now[0], false);
    AtomicInteger ended = new AtomicInteger();
    Watchdog.Watched timed = watchdog.watch(1_000);
    timed.ending(ended::incrementAndGet);
    Watchdog.Watched open = watchdog.watch(0);
    open.ending(ended::incrementAndGet);
    now[0] = 999;
    watchdog.tick();
    assertEquals(0, ended.get());
    now[0] = 1_001;
    watchdog.tick();
    assertEquals(1, ended.get());
    assertTrue(timed.expired());
    assertFalse(open.expired());
    Thread.currentThread().interrupt();
    try {
      watchdog.tick();
      assertTrue(open.cancelled());
      assertEquals(2, ended.get());
    } finally {
      Thread.interrupted();
      open.close();
    }
    AtomicInteger late = new AtomicInteger();
    Watchdog.Watched early = watchdog.watch(1);
    watchdog.tick();
    early.ending(late::incrementAndGet);
    assertEquals(1, late.get(), "an ending set after the deadline passed runs at once");
  }
}
