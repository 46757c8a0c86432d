package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request bodies the spec does not accept are a 400 in RealtimeKit's envelope, naming the field and
 * the rule, and change nothing; the mock keeps a bounded number of recordings, and its state file
 * survives what a hostile or broken file holds.
 */
class MockBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String RECORDINGS = "/accounts/a/realtime/kit/b/recordings";
  private static final String MEETING = "97440c6a-140b-40a9-9499-b23fd7a3868a";
  private static MockServer mock;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    mock = MockServer.start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  static Stream<Arguments> badStarts() {
    return Stream.of(
        Arguments.of("", "A request body is required"),
        Arguments.of("{\"meeting_id\":", "The request body is not JSON"),
        Arguments.of("[]", "the body must be an object"),
        Arguments.of("{}", "meeting_id is required"),
        Arguments.of("{\"meeting_id\":\"nope\"}", "meeting_id must be a UUID"),
        Arguments.of("{\"meeting_id\":\"" + MEETING + "\",\"max_seconds\":59}", "max_seconds must be at least 60"),
        Arguments.of("{\"meeting_id\":\"" + MEETING + "\",\"max_seconds\":\"60\"}", "max_seconds must be an integer"),
        Arguments.of("{\"meeting_id\":\"" + MEETING + "\",\"allow_multiple_recordings\":1}",
            "allow_multiple_recordings must be a boolean"),
        Arguments.of("{\"meeting_id\":\"" + MEETING + "\",\"video_config\":{\"codec\":\"MPEG2\"}}",
            "video_config.codec must be one of [\"H264\",\"VP8\"]"),
        Arguments.of("{\"meeting_id\":\"" + MEETING + "\",\"url\":\"not a uri\"}", "url must be an absolute URI"),
        Arguments.of("[".repeat(5000) + "]".repeat(5000), "The request body is not JSON"));
  }

  @ParameterizedTest
  @MethodSource("badStarts")
  void aStartTheSpecDoesNotAcceptIsA400NamingTheFieldAndStartsNothing(String body, String message) throws Exception {
    HttpResponse<String> response = send("POST", RECORDINGS, body);

    assertEquals(400, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body());
    assertFalse(error.get("success").asBoolean());
    assertEquals(400, error.at("/error/code").asInt());
    assertEquals(message, error.at("/error/message").asText());
    assertEquals(404, send("GET", RECORDINGS + "/active-recording/" + MEETING, "").statusCode(), "nothing started");
  }

  @Test
  void anActionTheSpecDoesNotListIsA400() throws Exception {
    HttpResponse<String> response = send("PUT", RECORDINGS + "/" + UUID.randomUUID(), "{\"action\":\"explode\"}");

    assertEquals(400, response.statusCode(), response.body());
    assertEquals("action must be one of [\"stop\",\"pause\",\"resume\"]",
        JSON.readTree(response.body()).at("/error/message").asText());
  }

  @Test
  void theOldestRecordingsAreDroppedPastTheBound() {
    MockState state = new MockState(MockState.Config.DEFAULT);
    synchronized (state) {
      for (int i = 0; i <= MockState.MAX_KEPT; i++) {
        state.add(new MockState.Kept(JSON.createObjectNode().put("id", "r" + i).put("status", "RECORDING"),
            java.util.Map.of("id", "r" + i), JSON.createObjectNode(), state.now()));
      }
      var all = state.all(id -> id);
      assertEquals(MockState.MAX_KEPT, all.size());
      assertEquals("r" + MockState.MAX_KEPT, all.get(0).object.get("id").asText(), "newest first");
      assertEquals("r1", all.get(all.size() - 1).object.get("id").asText(), "r0 dropped");
    }
  }

  @Test
  void aStateFileThatIsNotTheMocksIsIgnored() throws Exception {
    Path file = dir.resolve("mock.json");
    java.nio.file.Files.writeString(file, "{\"recordings\": [{\"object\": 1}, \"x\", {\"since\": \"yesterday\"}]}");

    MockState state = new MockState(new MockState.Config(Clock.systemUTC(), Duration.ofSeconds(3), file));

    synchronized (state) {
      assertEquals(0, state.all(id -> id).size());
    }
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri = URI.create(mock.baseUrl() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
