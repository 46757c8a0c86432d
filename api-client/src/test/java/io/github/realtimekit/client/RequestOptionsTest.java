package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One call's options through the runtime's entry, {@link ClientRuntime#withOptions}, around the
 * generated Feign interface: what a generated method taking {@link RequestOptions} does.
 */
@Timeout(60)
class RequestOptionsTest {

  static final UUID ID = RateLimitWindowTest.RECORDING;

  static <T> T call(RequestOptions options, Supplier<T> call) {
    return ClientRuntime.withOptions(Operations.GET_RECORDING, options, call);
  }

  static Object get(RealtimeKitClient client) {
    return client.api().getRecordingWithResponse(client.getAccountId(), client.getAppId(), ID);
  }

  @Test
  void headersAndQueryParametersGoOutWithThatCallOnly() throws Exception {
    try (LoopbackServer server = RequestBodyTest.started();
        RealtimeKitClient client = RequestBodyTest.client(server.baseUrl()).build()) {
      RequestOptions options = RequestOptions.builder().header("X-Request-Id", "r-1").header("x-request-id", "r-2")
          .queryParameter("trace", "a b&c=d/é~*").queryParameter("trace", "2").build();
      call(options, () -> get(client));
      RecordedRequest sent = server.lastRequest();
      assertEquals("r-2", sent.header("X-Request-Id"), "a name added again in another case replaces it");
      assertTrue(sent.target().endsWith("/recordings/" + ID + "?trace=a%20b%26c%3Dd%2F%C3%A9~%2A&trace=2"),
          sent.target());
      assertTrue(sent.header("Authorization").startsWith("Bearer "), "the client's credential, still");

      get(client);
      assertNull(server.lastRequest().header("X-Request-Id"), "the next call has none");
      assertFalse(server.lastRequest().target().contains("?"), server.lastRequest().target());
    }
  }

  @Test
  void aHeaderTheClientSetsIsRefusedInAnyCaseNamingItAndNothingIsSent() throws Exception {
    try (LoopbackServer server = RequestBodyTest.started();
        RealtimeKitClient client = RequestBodyTest.client(server.baseUrl()).build()) {
      for (String name : List.of("Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization", "Host",
          "content-length", "Transfer-Encoding", "User-Agent", "Connection")) {
        RequestOptions options = RequestOptions.builder().header("X-Fine", "1").header(name, "Bearer other-token")
            .build();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> call(options, () -> get(client)));
        assertEquals(1, e.getViolations().size(), name);
        assertEquals("header " + name, e.getViolations().get(0).getParameter());
        assertEquals("must not be set by the caller: the client sets " + name + " itself",
            e.getViolations().get(0).getRule());
        assertFalse(e.getMessage().contains("other-token"), "the refused value is not shown: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid argument for getRecording: header " + name), e.getMessage());
      }
      assertEquals(0, server.requestCount(), "nothing was sent");
    }
  }

  @Test
  void aHeaderThatWouldSplitTheRequestIsRefused() throws Exception {
    try (LoopbackServer server = RequestBodyTest.started();
        RealtimeKitClient client = RequestBodyTest.client(server.baseUrl()).build()) {
      RequestOptions crlf = RequestOptions.builder().header("X-Note", "a\r\nAuthorization: Bearer x").build();
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> call(crlf, () -> get(client)));
      assertEquals("must not contain line breaks or control characters", e.getViolations().get(0).getRule());
      RequestOptions badName = RequestOptions.builder().header("X Note:", "a").build();
      e = assertThrows(InvalidArgumentException.class, () -> call(badName, () -> get(client)));
      assertEquals("header X Note:", e.getViolations().get(0).getParameter());
      assertThrows(InvalidArgumentException.class, () -> call(null, () -> get(client)));
      assertEquals(0, server.requestCount(), "nothing was sent");
    }
  }

  @Test
  void maxRetriesOfOneCallReplacesTheClients() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(503, "{\"success\":false}"));
        RealtimeKitClient client = RequestBodyTest.client(server.baseUrl()).maxRetries(2)
            .clock(d -> { }, () -> 0L, () -> 0.0).build()) {
      assertThrows(ServiceException.class, () -> call(RequestOptions.builder().maxRetries(0).build(), () -> get(client)));
      assertEquals(1, server.requestCount());
      assertThrows(ServiceException.class, () -> get(client));
      assertEquals(1 + 3, server.requestCount(), "the client's own 2 retries");
      assertThrows(ServiceException.class, () -> call(RequestOptions.builder().maxRetries(4).build(), () -> get(client)));
      assertEquals(1 + 3 + 5, server.requestCount());
    }
  }

  @Test
  void theTimeoutOfOneCallReplacesTheClientsReadTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
      release.await(30, TimeUnit.SECONDS);
      byte[] body = RequestBodyTest.RECORDING.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }); RealtimeKitClient client = RequestBodyTest.client(server.baseUrl()).readTimeout(Duration.ofSeconds(50))
        .maxRetries(0).build()) {
      NetworkTimeoutException e = assertThrows(NetworkTimeoutException.class,
          () -> call(RequestOptions.builder().timeout(Duration.ofMillis(300)).build(), () -> get(client)));
      assertTrue(e.getMessage().contains("(read timeout 300 ms for the whole response)"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void theBuilderRefusesNonsenseNamingTheSetting() {
    assertEquals("timeout: must be a positive duration, was PT0S", assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().timeout(Duration.ZERO)).getMessage());
    assertEquals("maxRetries: must be 0 or more, was -1", assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().maxRetries(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().queryParameter("", "x"));
    RequestOptions options = RequestOptions.builder().header("X-Api-Key", "s3cret").build();
    assertFalse(options.toString().contains("s3cret"), options.toString());
    assertThrows(UnsupportedOperationException.class, () -> options.getHeaders().put("a", List.of()));
    assertTrue(RequestOptions.none().getHeaders().isEmpty());
  }
}
