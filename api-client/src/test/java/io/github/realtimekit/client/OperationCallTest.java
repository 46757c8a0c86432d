package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.JsonResponses;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationCall} on its own, over a pipeline that records each request and answers 200: the URL
 * it builds, the headers, the body, the options and attempt of {@link CallScope}, and its refusals.
 */
class OperationCallTest {

  /** The constraints of the operations below. */
  private interface Signatures {
    Response<Map<String, Object>> get(@NotNull @Size(min = 1, max = 8) String id, @Min(1) Integer page,
        List<String> tags);

    Response<Map<String, Object>> put(@NotNull String id, @NotNull @Valid Map<String, Object> body);
  }

  private static final OperationDescriptor GET = new OperationDescriptor("getThing", "get_thing", "GET",
      "/things/{id}", true, false);
  private static final OperationDescriptor PUT = new OperationDescriptor("putThing", "put_thing", "PUT",
      "/things/{id}", true, false);

  private final List<HttpRequest> sent = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private String answer = "{\"ok\":true}";

  private <R> OperationCall<R> call(OperationDescriptor operation, String method) {
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    SafeText safe = new SafeText("secret-token");
    ErrorMapper errors = new ErrorMapper(mapper, safe, Duration.ofSeconds(1), Duration.ofSeconds(1));
    return new OperationCall<>(operation, OperationCall.constraints(Signatures.class, method), "http://h/v4",
        request -> {
          sent.add(request);
          return HttpResponse.of(request, 200, Map.of("Content-Type", List.of("application/json")), answer);
        }, new JsonResponses(mapper, null, errors, safe), mapper, closed::get);
  }

  @Test
  void buildsTheUrlFromItsPartsAndDecodesTheAnswer() {
    OperationCall<Map<String, Object>> get = call(GET, "get");
    Response<Map<String, Object>> response = get.start("a b", 2, List.of("x", "y,z"))
        .path("/things/").segment("id", "a b").query("page", 2).queryCsv("tags", List.of("x", "y,z"))
        .queryExploded("tag", List.of("x", "é")).query("unset", null).send(null);
    assertEquals(200, response.getStatusCode());
    assertEquals(Map.of("ok", true), response.getValue());
    HttpRequest request = sent.get(0);
    assertEquals("GET", request.method());
    assertEquals("http://h/v4/things/a%20b?page=2&tags=x,y%2Cz&tag=x&tag=%C3%A9", request.url());
    assertEquals(Map.of("Accept", List.of("application/json")), request.headers());
    assertNull(request.body());
    assertSame(GET, request.operation());
  }

  @Test
  void theQueryStartsWithTheFirstParameterThatIsSetAndIsLeftOutWhenNoneIs() {
    OperationCall<Map<String, Object>> get = call(GET, "get");
    get.start("a", null, null).path("/things/").segment("id", "a").query("page", null).queryCsv("tags", null)
        .queryCsv("empty", List.of()).queryExploded("none", null).send(null);
    assertEquals("http://h/v4/things/a", sent.get(0).url());
    get.start("a", null, null).path("/things/").segment("id", "a").query("page", null).query("q", "1").send(null);
    assertEquals("http://h/v4/things/a?q=1", sent.get(1).url());
    get.start("a", null, null).path("/things/").segment("id", "a").query("a b[]", "c").queryCsv("é", List.of("d"))
        .send(null);
    assertEquals("http://h/v4/things/a?a%20b%5B%5D=c&%C3%A9=d", sent.get(2).url(), "names are encoded too");
  }

  @Test
  void percentEncodesEverythingButTheUnreservedCharactersAsUtf8() {
    assertEquals("AZaz09-._~", OperationCall.encode("AZaz09-._~"));
    assertEquals("%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25%20%3A",
        OperationCall.encode("/?#[]@!$&'()*+,;=% :"));
    assertEquals("caf%C3%A9%E2%82%AC%F0%9F%98%80", OperationCall.encode("café€\uD83D\uDE00"));
    assertEquals("%00%0A%7F", OperationCall.encode("\u0000\n\u007f"));
    assertEquals("", OperationCall.encode(""));
  }

  @Test
  void writesDateTimesAsRfc3339WithSecondsAndTheCallersOffset() {
    assertEquals("2024-01-01T10:00:00+05:30",
        OperationCall.text(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))));
    assertEquals("2024-01-01T10:00:00Z", OperationCall.text(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
    assertEquals("2024-06-30T23:59:59.5-08:00",
        OperationCall.text(OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 500_000_000, ZoneOffset.ofHours(-8))));
    OperationCall<Map<String, Object>> get = call(GET, "get");
    get.start("a", null, null).path("/things/").segment("id", "a")
        .query("from", OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))).send(null);
    assertEquals("http://h/v4/things/a?from=2024-01-01T10%3A00%3A00-03%3A00", sent.get(0).url());
  }

  @Test
  void refusesBrokenRulesAndDotSegmentsNamingTheParameterBeforeAnythingIsSent() {
    OperationCall<Map<String, Object>> get = call(GET, "get");
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> get.start("123456789", 0, null));
    assertEquals("getThing", e.getOperation());
    assertEquals("[id size must be between 1 and 8 (was \"123456789\"), page must be greater than or equal to 1 "
        + "(was 0)]", e.getViolations().toString());
    for (String dots : List.of(".", "..")) {
      InvalidArgumentException d = assertThrows(InvalidArgumentException.class,
          () -> get.start(dots, null, null).path("/things/").segment("id", dots));
      assertEquals("id", d.getViolations().get(0).getParameter());
      assertTrue(d.getMessage().contains("would not stay one path segment"), d.getMessage());
    }
    assertEquals("x.y", OperationCall.encode("x.y"), "a dot inside a segment is plain text");
    assertTrue(sent.isEmpty());
  }

  @Test
  void aBodyIsJsonWithItsContentTypeAndABodyTooLargeIsRefused() {
    OperationCall<Map<String, Object>> put = call(PUT, "put");
    put.start("a", Map.of("k", "v")).path("/things/").segment("id", "a").send(Map.of("k", "v"));
    HttpRequest request = sent.get(0);
    assertEquals("PUT", request.method());
    assertArrayEquals("{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8), request.body());
    assertEquals(List.of("application/json"), request.headers().get("content-type"));
    assertEquals(List.of("9"), request.headers().get("content-length"), "as stages and the log see it");
    char[] big = new char[JsonBody.MAX_BODY_BYTES];
    Arrays.fill(big, 'x');
    Map<String, Object> huge = Map.of("k", new String(big));
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> put.start("a", huge).path("/things/").segment("id", "a").send(huge));
    assertEquals("body", e.getViolations().get(0).getParameter());
    assertEquals(1, sent.size(), "the large one was not sent");
  }

  @Test
  void takesTheOptionsAndAttemptBoundToTheCallOnce() {
    OperationCall<Map<String, Object>> get = call(GET, "get");
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t").queryParameter("x y", "1&2")
        .timeout(Duration.ofSeconds(3)).maxRetries(1).build();
    CallScope.call(GET, options, () -> CallScope.scheduledAttempt(2,
        () -> get.start("a", 1, null).path("/things/").segment("id", "a").query("page", 1).send(null)));
    HttpRequest request = sent.get(0);
    assertEquals("http://h/v4/things/a?page=1&x%20y=1%262", request.url());
    assertEquals(List.of("t"), request.headers().get("x-trace"));
    assertEquals(List.of("application/json"), request.headers().get("accept"));
    assertEquals(Duration.ofSeconds(3), request.timeout());
    assertEquals(1, request.maxRetries());
    assertEquals(2, request.scheduledAttempt());
    get.start("a", null, null).path("/things/").segment("id", "a").send(null);
    assertEquals("http://h/v4/things/a", sent.get(1).url());
    assertFalse(sent.get(1).headers().containsKey("x-trace"), "the next call has none");
    assertEquals(0, sent.get(1).scheduledAttempt());
  }

  @Test
  void aClosedClientSendsNothingAndFailuresAreTheClientsOwn() {
    OperationCall<Map<String, Object>> get = call(GET, "get");
    closed.set(true);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> get.start("a", null, null).path("/things/").segment("id", "a").send(null));
    assertEquals("This RealtimeKitClient is closed", e.getMessage());
    assertTrue(sent.isEmpty());
    closed.set(false);
    answer = "{not json";
    RealtimeKitException bad = assertThrows(RealtimeKitException.class,
        () -> get.start("a", null, null).path("/things/").segment("id", "a").send(null));
    assertEquals("getThing", bad.getOperation());
  }

  @Test
  void findsTheMethodThatCarriesTheConstraints() throws IOException {
    assertEquals("get", OperationCall.constraints(Signatures.class, "get").getName());
    assertThrows(IllegalArgumentException.class, () -> OperationCall.constraints(Signatures.class, "none"));
  }
}
