package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.CapturedHttpLog;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ServiceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each stage of the pipeline on its own, around a scripted transport. */
class PipelineStagesTest {

  static final String TOKEN = "tok-3f9a8b7c6d5e4f30";
  static final SafeText SAFE = new SafeText(TOKEN);
  static final OperationDescriptor OPERATION = new OperationDescriptor("request", "request", "GET", "/x", true, false);
  static final ErrorMapper ERRORS = new ErrorMapper(RealtimeKitJson.newObjectMapper(), SAFE, Duration.ofSeconds(2),
      Duration.ofSeconds(3));

  static HttpRequest request() {
    return HttpRequest.of(OPERATION, "GET", "http://api.test:8080/client/v4/x",
        Map.of("Accept", List.of("application/json")), null);
  }

  static HttpTransport answering(int status, Map<String, ? extends Collection<String>> headers, String body) {
    return request -> HttpResponse.of(request, status, headers, body);
  }

  static HttpTransport failing(IOException e) {
    return request -> {
      throw e;
    };
  }

  @Test
  void safeTextMasksTheTokenAndEscapesControlCharacters() {
    assertEquals("Bearer *** and *** again", SAFE.clean("Bearer " + TOKEN + " and " + TOKEN + " again"));
    assertEquals("\\u001B]0;x\\u0007\\u001B[2J tab\tkept \\u009B \\u007F \\u202E \\u2028",
        SAFE.clean("\u001b]0;x\u0007\u001b[2J tab\tkept \u009b \u007f \u202e \u2028"));
    assertEquals("plain", SafeText.escapeControls("plain"));
    assertTrue(SAFE.containsSecret("x" + TOKEN));
    assertFalse(SAFE.containsSecret("tok-3f9a"));
  }

  @Test
  void authenticationAddsTheTokenAndTheUserAgentToEachRequest() throws Exception {
    AtomicReference<HttpRequest> sent = new AtomicReference<>();
    new AuthStage(TOKEN, "realtimekit-java").send(request(), request -> {
      sent.set(request);
      return answering(200, Map.of(), "").send(request);
    });
    assertEquals(List.of("Bearer " + TOKEN), List.copyOf(sent.get().headers().get("authorization")));
    assertEquals(List.of("realtimekit-java"), List.copyOf(sent.get().headers().get("User-Agent")));
    assertEquals(List.of("application/json"), List.copyOf(sent.get().headers().get("Accept")));
    assertFalse(request().headers().containsKey("Authorization"), "each call's request is its own");
  }

  @Test
  void errorMappingNamesTheStatusAndCleansTheBody() {
    HttpTransport next = answering(429, Map.of("Retry-After", List.of("3")),
        "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"slow down " + TOKEN + "\"}]}");
    RateLimitException e = assertThrows(RateLimitException.class, () -> new ErrorStage(ERRORS).send(request(), next));
    assertEquals("HTTP 429 from request: slow down *** (code 10000)", e.getMessage());
    assertEquals("3", e.getHeader("retry-after").orElseThrow());
  }

  @Test
  void errorMappingSaysWhereAndWhatForEachIoFailure() {
    assertEquals("Connection refused by api.test:8080 calling request (nothing listens on that port, or a firewall "
        + "refuses the connection)",
        map(new ConnectException("refused")).getMessage());
    assertInstanceOf(NetworkTimeoutException.class, map(new HttpTimeoutException("no complete response")));
    assertEquals("Timed out waiting for api.test:8080 calling request (read timeout 3000 ms for the whole response)",
        map(new HttpTimeoutException("x")).getMessage());
    assertInstanceOf(CallCancelledException.class, map(new HttpTransport.CallCancelledIOException()));
    assertInstanceOf(ResponseTooLargeException.class, map(new HttpTransport.ResponseTooLargeIOException(10, "x")));
    assertEquals("Connection reset by api.test:8080 calling request (the server or something on the way closed the "
        + "connection before the response was complete)", map(new IOException("connection reset \u001b[2J")).getMessage());
    assertEquals("Connection to api.test:8080 failed calling request (IOException: odd \\u001B[2J)",
        map(new IOException("odd \u001b[2J")).getMessage());
  }

  private static RuntimeException map(IOException failure) {
    return assertThrows(RuntimeException.class, () -> new ErrorStage(ERRORS).send(request(), failing(failure)));
  }

  @Test
  void errorMappingPassesA2xxResponseThrough() throws Exception {
    HttpResponse response = new ErrorStage(ERRORS).send(request(), answering(204, Map.of(), ""));
    assertEquals(204, response.status());
  }

  @Test
  void loggingWritesOneEntryPerDirectionWithCredentialsMasked() throws Exception {
    CapturedHttpLog captured = new CapturedHttpLog();
    List<String> lines = captured.lines;
    long[] now = {0};
    try {
      HttpTransport transport = request -> {
        now[0] += 12_000_000;
        return answering(200, Map.of("Set-Cookie", List.of("s=1"), "X-Echo", List.of(TOKEN), "cf-ray", List.of("7d")),
            "{}").send(request);
      };
      HttpRequest withToken = HttpRequest.of(OPERATION, "GET", request().url(),
          Map.of("Authorization", List.of("Bearer " + TOKEN), "Cookie", List.of("c=2")), null);
      new LoggingStage(true, SAFE, () -> now[0]).send(withToken, transport);
      new LoggingStage(false, SAFE, () -> now[0]).send(withToken, transport);
    } finally {
      captured.close();
    }
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("--> GET http://api.test:8080/client/v4/x"), lines.get(0));
    assertTrue(lines.get(0).contains("Authorization: ***") && lines.get(0).contains("Cookie: ***"), lines.get(0));
    assertTrue(lines.get(1).startsWith("<-- 200 GET http://api.test:8080/client/v4/x (12 ms, 2-byte body)"),
        lines.get(1));
    String response = lines.get(1).toLowerCase(java.util.Locale.ROOT);
    assertTrue(response.contains("set-cookie: ***") && response.contains("x-echo: ***")
        && response.contains("cf-ray: 7d"), lines.get(1));
    assertEquals("--> GET http://api.test:8080/client/v4/x", lines.get(2), "BASIC: no headers");
    lines.forEach(l -> assertFalse(l.contains(TOKEN), l));
  }

  @Test
  void noLoggingCostsNothingButTheCall() throws Exception {
    HttpResponse response = new LoggingStage(true, SAFE, () -> {
      throw new AssertionError("the clock is not read when FINE is off");
    }).send(request(), answering(200, Map.of(), "{}"));
    assertEquals(200, response.status());
  }

  @Test
  void aServiceExceptionFromTheNetworkIsNeverWrappedTwice() {
    ServiceException e = ErrorMapper.serviceException("op", 503, Map.of(), List.of(), "");
    assertEquals(e, ErrorMapper.translate("op", new RuntimeException("an engine's wrapper", e)));
    assertInstanceOf(NetworkException.class, ErrorMapper.translate("op", new NetworkException("op", "m", null)));
  }
}
