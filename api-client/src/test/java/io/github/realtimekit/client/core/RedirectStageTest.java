package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the redirect stage treats methods, bodies, schemes and the credential, around a scripted transport. */
class RedirectStageTest {

  static final OperationDescriptor POST = new OperationDescriptor("post", "post", "POST", "/x", false, false);
  static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  final List<HttpRequest> sent = new ArrayList<>();

  HttpResponse send(String method, String url, int status, String location) throws Exception {
    HttpRequest request = HttpRequest.of(POST, method, url, Map.of("Authorization", List.of("Bearer t")),
        "GET".equals(method) ? null : BODY);
    return new RedirectStage(PipelineStagesTest.ERRORS).send(request, r -> {
      sent.add(r);
      return sent.size() == 1 ? HttpResponse.of(r, status, Map.of("Location", List.of(location)), "")
          : HttpResponse.of(r, 200, Map.of(), "{}");
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aPostFollows307And308WithItsBody(int status) throws Exception {
    assertEquals(200, send("POST", "https://api.test/a", status, "/b").status());
    assertEquals("POST", sent.get(1).method());
    assertEquals("https://api.test/b", sent.get(1).url());
    assertArrayEquals(BODY, sent.get(1).body());
    assertEquals(List.of("Bearer t"), sent.get(1).headers().get("Authorization"));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void aPostIsNotTurnedIntoAGet(int status) throws Exception {
    assertEquals(status, send("POST", "https://api.test/a", status, "/b").status());
    assertEquals(1, sent.size());
  }

  @Test
  void aCallIsNotFollowedFromHttpsToHttp() throws Exception {
    assertEquals(301, send("GET", "https://api.test/a", 301, "http://api.test/b").status());
    assertEquals(1, sent.size());
  }

  @Test
  void anotherSchemeOrPortIsAnotherOriginAndTheTokenStaysBehindForEveryLaterHop() throws Exception {
    send("GET", "http://api.test/a", 302, "https://api.test/b");
    assertFalse(sent.get(1).headers().containsKey("Authorization"));
    sent.clear();
    send("GET", "https://api.test/a", 302, "https://api.test:8443/b");
    assertFalse(sent.get(1).headers().containsKey("Authorization"));
    sent.clear();
    send("GET", "https://API.test:443/a", 302, "https://api.test/b");
    assertEquals(List.of("Bearer t"), sent.get(1).headers().get("Authorization"));
  }
}
