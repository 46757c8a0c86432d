package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole client against loopback servers that misbehave on purpose. */
@Timeout(60)
class HostileServerTest {

  static final String TOKEN = "tok-3f9a8b7c6d5e4f30";
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";
  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  static RealtimeKitClientBuilder client(String baseUrl) {
    return RealtimeKitClient.builder().apiToken(TOKEN).accountId(ACCOUNT).appId(APP).baseUrl(baseUrl)
        .maxRetries(0);
  }

  @Test
  void aDrippingBodyEndsInATimeoutNamingTheServer() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{");
      for (int i = 0; i < 200; i++) {
        Thread.sleep(100);
        LoopbackServer.write(out, " ");
      }
    }); RealtimeKitClient client = client(server.baseUrl()).readTimeout(Duration.ofMillis(500)).build()) {
      NetworkTimeoutException e = assertThrows(NetworkTimeoutException.class, () -> client.getRecording(RECORDING));
      assertEquals("Timed out waiting for 127.0.0.1:" + server.port() + " calling getRecording (read timeout "
          + "500 ms for the whole response)", e.getMessage());
    }
  }

  @Test
  void aBodyStalledPastTheDeadlineIsRetriedLikeATimeout() throws Exception {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      requests.incrementAndGet();
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{");
      release.await(20, TimeUnit.SECONDS);
    }); RealtimeKitClient client = client(server.baseUrl()).readTimeout(Duration.ofMillis(300)).maxRetries(1)
        .clock(duration -> { }, System::currentTimeMillis, () -> 0).build()) {
      NetworkTimeoutException e = assertThrows(NetworkTimeoutException.class, () -> client.getRecording(RECORDING));
      assertEquals(2, e.getAttempts());
      assertEquals(2, requests.get());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aHugeBodyEndsInATypedErrorAfterTheLimit() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "10000\r\n" + " ".repeat(0x10000) + "\r\n";
      for (int i = 0; i < 100_000; i++) {
        LoopbackServer.write(out, chunk);
      }
    }); RealtimeKitClient client = client(server.baseUrl()).maxResponseBytes(256 * 1024).maxRetries(2).build()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
          () -> client.listRecordingsPage(ListRecordingsQuery.none()));
      assertEquals(256 * 1024, e.getLimit());
      assertEquals(1, e.getAttempts(), "never retried");
      assertTrue(e.getMessage().startsWith("The response of listRecordings from 127.0.0.1:" + server.port()
          + " is too large"), e.getMessage());
    }
  }

  @Test
  void dotSegmentsAreRefusedBeforeAnythingIsSent() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(404, "{}"))) {
      for (String dots : new String[] {".", ".."}) {
        RealtimeKitClient client = client(server.baseUrl()).build().withApp(dots, APP);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
            () -> client.getRecording(RECORDING));
        assertEquals("accountId", e.getViolations().get(0).getParameter());
        assertEquals("Invalid argument for getRecording: accountId must not be \".\" or \"..\", which would not "
            + "stay one path segment (was \"" + dots + "\") (nothing was sent)", e.getMessage());
      }
      assertEquals(0, server.requests().size());
    }
  }

  @Test
  void everyOtherCharacterStaysInItsSegment() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(404, "{}"))) {
      String[][] cases = {
          {"%2e%2e", "%252e%252e"}, {"a%2Fb", "a%252Fb"}, {"a/b", "a%2Fb"}, {"a?b#c", "a%3Fb%23c"},
          {"é", "%C3%A9"}, {"a.b-c_d~e", "a.b-c_d~e"}, {"...", "..."}};
      for (String[] c : cases) {
        RealtimeKitClient client = client(server.baseUrl()).build().withApp(ACCOUNT, c[0]);
        assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
        assertEquals("GET /client/v4/accounts/" + ACCOUNT + "/realtime/kit/" + c[1] + "/recordings/" + RECORDING
            + " HTTP/1.1", server.requestLine(server.requests().size() - 1), c[0]);
      }
    }
  }

  @Test
  void anEchoedTokenAndControlCharactersNeverReachAMessage() throws Exception {
    String body = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route for Bearer " + TOKEN
        + " \\u001B]0;pwned\\u0007\\u001B[2J\"}]}";
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, "HTTP/1.1 404 Not Found\r\n"
        + "Content-Type: application/json\r\ncf-ray: 8a-" + TOKEN + "\r\nContent-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body));
        RealtimeKitClient client = client(server.baseUrl()).build()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
      assertEquals("HTTP 404 from getRecording: No route for Bearer *** \\u001B]0;pwned\\u0007\\u001B[2J "
          + "(code 7003) [cf-ray 8a-***]", e.getMessage());
      assertEquals("No route for Bearer *** \\u001B]0;pwned\\u0007\\u001B[2J", e.getErrors().get(0).getMessage());
    }
  }

  @Test
  void anEchoedTokenInAnHtmlPageIsMaskedInTheExcerpt() throws Exception {
    String page = "<html><body><h1>502</h1><p>Authorization: Bearer " + TOKEN + "</p>\u009b31m</body></html>";
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, "HTTP/1.1 502 Bad Gateway\r\n"
        + "Content-Type: text/html\r\nContent-Length: " + page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n" + page));
        RealtimeKitClient client = client(server.baseUrl()).build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.getRecording(RECORDING));
      assertEquals("<html><body><h1>502</h1><p>Authorization: Bearer ***</p>\\u009B31m</body></html>",
          e.getBodyExcerpt().orElseThrow());
      assertFalse(e.getMessage().contains(TOKEN));
    }
  }

  @Test
  void theHeaderLogMasksCredentialsAndEchoes() throws Exception {
    CapturedHttpLog captured = new CapturedHttpLog();
    List<String> lines = captured.lines;
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, "HTTP/1.1 404 Not Found\r\n"
        + "Set-Cookie: session=abc\r\nX-Echo-Authorization: Bearer " + TOKEN + "\r\nX-Id: 1-" + TOKEN + "\r\n"
        + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
        RealtimeKitClient client = client(server.baseUrl()).httpLogLevel(HttpLogLevel.HEADERS).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
    } finally {
      captured.close();
    }
    String log = String.join("\n", lines);
    assertFalse(log.contains(TOKEN), log);
    assertFalse(log.contains("abc"), log);
    assertTrue(log.contains("Authorization: ***"), log);
    assertTrue(log.contains("set-cookie: ***"), log);
    assertTrue(log.contains("x-echo-authorization: ***"), log);
    assertTrue(log.contains("x-id: ***"), log);
  }

  @Test
  void aRefusedConnectionSaysWhereAndHowOften() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<RetryEvent> events = new ArrayList<>();
    try (RealtimeKitClient client = client("http://127.0.0.1:" + port).maxRetries(2).retryListener(events::add)
        .clock(d -> { }, () -> 0L, () -> 0.0).build()) {
      NetworkException e = assertThrows(NetworkException.class, () -> client.getRecording(RECORDING));
      assertEquals(3, e.getAttempts());
      assertTrue(e.getMessage().startsWith("Connection refused by 127.0.0.1:" + port + " calling getRecording ("),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(" (3 attempts)"), e.getMessage());
      assertEquals("retrying getRecording in 500 ms after connection refused by 127.0.0.1:" + port
          + " (attempt 2 of 3)", events.get(0).toString());
    }
  }

  @Test
  void anInterruptedCallSaysSoAndKeepsTheFlag() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      requested.countDown();
      release.await(30, TimeUnit.SECONDS);
    }); RealtimeKitClient client = client(server.baseUrl()).maxRetries(2).build()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          client.getRecording(RECORDING);
        } catch (Throwable t) {
          thrown.set(t);
        }
        flag.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      assertTrue(requested.await(10, TimeUnit.SECONDS));
      caller.interrupt();
      caller.join(10_000);
      assertInstanceOf(CallCancelledException.class, thrown.get());
      assertEquals(1, ((RealtimeKitException) thrown.get()).getAttempts(), "never retried");
      assertEquals(Boolean.TRUE, flag.get());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aClosedClientRefusesCalls() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(404, "{}"))) {
      RealtimeKitClient client = client(server.baseUrl()).build();
      client.close();
      client.close();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.getRecording(RECORDING));
      assertEquals("This RealtimeKitClient is closed", e.getMessage());
      assertEquals(0, server.requests().size());
    }
  }

  @Test
  void aServiceExceptionSurvivesSerialization() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out, "HTTP/1.1 404 Not Found\r\n"
        + "cf-ray: 7d1\r\nContent-Type: application/json\r\nContent-Length: 52\r\nConnection: close\r\n\r\n"
        + "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"x\"}]}"));
        RealtimeKitClient client = client(server.baseUrl()).build()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(e);
      }
      NotFoundException copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (NotFoundException) in.readObject();
      }
      assertEquals(e.getMessage(), copy.getMessage());
      assertEquals("7d1", copy.getRequestId().orElseThrow());
      assertEquals("7d1", copy.getHeader("CF-RAY").orElseThrow());
      assertEquals(List.of(), copy.getErrors());
      assertEquals(404, copy.getStatusCode());
    }
  }
}
