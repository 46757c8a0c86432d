package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A token of one character masks what is shown, where it stands alone, and corrupts nothing the
 * runtime reads: the {@code Retry-After} the retry waits, the URL and the header names in the log.
 */
@Timeout(60)
class ShortTokenTest {

  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String NOT_FOUND = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Recording not found\"}]}";

  static RealtimeKitClientBuilder client(String token, String baseUrl, List<Duration> slept) {
    return RealtimeKitClient.builder().apiToken(token).accountId("acc").appId("app").baseUrl(baseUrl)
        .maxRetries(1).clock(slept::add, () -> 0L, () -> 0.0);
  }

  /** Answers 429 with {@code Retry-After: 3} first, then 404. */
  static LoopbackServer slowDownThenNotFound() {
    AtomicInteger calls = new AtomicInteger();
    return LoopbackServer.raw((head, out) -> {
      boolean first = calls.getAndIncrement() == 0;
      String body = first ? "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"slow down\"}]}" : NOT_FOUND;
      LoopbackServer.write(out, (first ? "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\n" : "HTTP/1.1 404 Not Found\r\n")
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
          + body);
    });
  }

  @Test
  void theRetryWaitsWhatRetryAfterSaysWhateverTheToken() throws Exception {
    for (String token : List.of("t", "3", "r", "e")) {
      List<Duration> slept = new ArrayList<>();
      try (LoopbackServer server = slowDownThenNotFound();
          RealtimeKitClient client = client(token, server.baseUrl(), slept).build()) {
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
        assertEquals(List.of(Duration.ofSeconds(3)), slept, "token " + token);
        assertEquals("HTTP 404 from getRecording: Recording not found (code 7003) (2 attempts)", e.getMessage(),
            "token " + token);
      }
    }
  }

  @Test
  void theVerboseLogKeepsTheUrlAndTheHeaderNames() throws Exception {
    CapturedHttpLog captured = new CapturedHttpLog();
    List<String> lines = captured.lines;
    try (LoopbackServer server = slowDownThenNotFound();
        RealtimeKitClient client = client("t", server.baseUrl(), new ArrayList<>())
            .httpLogLevel(HttpLogLevel.HEADERS).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
      String log = String.join("\n", lines);
      assertTrue(log.contains("--> GET http://127.0.0.1:" + server.port() + "/client/v4/accounts/acc/realtime/kit/app/"
          + "recordings/" + RECORDING), log);
      assertTrue(log.contains("\n    Authorization: ***"), log);
      assertTrue(log.contains("\n    User-Agent: realtimekit-java"), log);
      assertTrue(log.contains("\n    retry-after: 3"), log);
      assertTrue(log.contains("\n    content-type: application/json"), log);
      assertFalse(log.contains("Bearer t"), log);
    } finally {
      captured.close();
    }
  }

  @Test
  void anEchoedShortTokenIsStillMaskedWhereItStandsAlone() throws Exception {
    String body = "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error: token t is not "
        + "valid\"}]}";
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(401, body));
        RealtimeKitClient client = client("t", server.baseUrl(), new ArrayList<>()).build()) {
      UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.getRecording(RECORDING));
      assertEquals("HTTP 401 from getRecording: Authentication error: token *** is not valid (code 10000)",
          e.getMessage());
      assertEquals("Authentication error: token *** is not valid", e.getErrors().get(0).getMessage());
    }
  }
}
