package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects answered by the API: followed by the pipeline, the token only ever to the API's origin. */
@Timeout(30)
class RedirectTest {

  static final String BEARER = "Bearer " + HostileServerTest.TOKEN;
  /** What the last hop answers: a 404 envelope, which shows the call reached it. */
  static final String NOT_FOUND = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route\"}]}";

  /** The API's server, answering its first request with a redirect to {@code location}. */
  static LoopbackServer redirecting(int status, java.util.function.Supplier<String> location) {
    return LoopbackServer.raw((head, out) -> {
      if (head.get(0).contains("/moved-here")) {
        LoopbackServer.rawJson(404, NOT_FOUND).handle(head, out);
      } else {
        LoopbackServer.write(out, "HTTP/1.1 " + status + " Moved\r\nLocation: " + location.get()
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      }
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherHostIsFollowedWithoutTheToken(int status) throws Exception {
    try (LoopbackServer other = LoopbackServer.raw(LoopbackServer.rawJson(404, NOT_FOUND));
        LoopbackServer api = redirecting(status, () -> "http://localhost:" + other.port() + "/elsewhere");
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(BEARER, api.requests().get(0).header("Authorization"));
      assertEquals(1, other.requests().size());
      assertNull(other.requests().get(0).header("Authorization"), "the token never reaches the other host");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherPortOfTheSameHostIsAnotherOriginToo(int status) throws Exception {
    try (LoopbackServer other = LoopbackServer.raw(LoopbackServer.rawJson(404, NOT_FOUND));
        LoopbackServer api = redirecting(status, () -> other.url("/elsewhere"));
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertNull(other.requests().get(0).header("Authorization"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectOnTheSameOriginKeepsTheToken(int status) throws Exception {
    try (LoopbackServer api = redirecting(status, () -> "/moved-here");
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(2, api.requests().size());
      for (RecordedRequest request : api.requests()) {
        assertEquals(BEARER, request.header("Authorization"), request.line());
      }
      assertTrue(api.requests().get(1).line().startsWith("GET /moved-here "), api.requests().get(1).line());
    }
  }

  @Test
  void redirectsEndAfterFiveHops() throws Exception {
    try (LoopbackServer api = redirecting(302, () -> "/again");
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl()).build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(302, e.getStatusCode());
      assertEquals(6, api.requests().size());
    }
  }

  enum Following { NORMAL, ALWAYS }

  @ParameterizedTest
  @EnumSource(Following.class)
  void aCallersClientThatFollowsRedirectsIsRefusedBeforeAnythingIsSent(Following following) throws Exception {
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      try (LoopbackServer other = LoopbackServer.raw(LoopbackServer.rawJson(404, NOT_FOUND));
          LoopbackServer api = redirecting(status, () -> "http://localhost:" + other.port() + "/elsewhere")) {
        HttpClient follows = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.valueOf(following.name())).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HostileServerTest.client(api.baseUrl()).httpClient(follows).build());
        assertTrue(e.getMessage().startsWith("httpClient: follows redirects (" + following + "), which would send "
            + "the API token to whatever host a redirect names; build it with "
            + "followRedirects(HttpClient.Redirect.NEVER)"), e.getMessage());
        assertEquals(0, api.requests().size());
        assertEquals(0, other.requests().size());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aCallersClientThatDoesNotFollowThemIsSafeToo(int status) throws Exception {
    try (LoopbackServer other = LoopbackServer.raw(LoopbackServer.rawJson(404, NOT_FOUND));
        LoopbackServer api = redirecting(status, () -> "http://localhost:" + other.port() + "/elsewhere");
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl())
            .httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(BEARER, api.requests().get(0).header("Authorization"));
      assertNull(other.requests().get(0).header("Authorization"));
    }
  }
}
