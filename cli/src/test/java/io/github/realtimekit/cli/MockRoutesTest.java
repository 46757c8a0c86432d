package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.fixtures.SpecOperations;
import io.github.realtimekit.fixtures.SpecOperations.Documented;
import io.github.realtimekit.fixtures.SpecOperations.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The mock answers what the spec it is given documents, and nothing else. */
class MockRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SESSIONS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/sessions";
  private static final String TRANSCRIPT =
      "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/transcript";
  private static final String ACTIVE = "/accounts/{account_id}/realtime/kit/{app_id}/recordings/active";

  private static MockServer mock;

  @BeforeAll
  static void start() throws Exception {
    mock = MockServer.start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationOfTheSpecIsAnsweredWithItsExample() {
    List<Operation> operations = SpecOperations.operations();
    assertFalse(operations.isEmpty());
    JsonNode spec = SpecExamples.spec();
    return operations.stream().filter(op -> !played(op))
        .map(op -> DynamicTest.dynamicTest(op.toString(), () -> assertAnswered(mock, spec, op)));
  }

  /**
   * Whether the mock plays the operation on its recordings rather than answering the example as it is:
   * a rule that creates, finds or changes one (MockLifecycleTest and MockBodiesTest cover those).
   */
  static boolean played(Operation op) {
    String effect = op.node().path("x-realtimekit-mock").path("effect").asText("");
    return List.of("create", "find", "transition").contains(effect);
  }

  @Test
  void theSpecPlaysSomeOperationsAndAnswersTheOthersWithTheirExamples() {
    List<Operation> operations = SpecOperations.operations();
    assertTrue(operations.stream().anyMatch(MockRoutesTest::played), "a rule that creates, finds or changes");
    assertTrue(operations.stream().anyMatch(op -> !played(op)), "an operation answered with its example");
  }

  @Test
  void anOperationAddedToTheSpecIsAnsweredWithNoOtherChange() throws Exception {
    JsonNode spec = specWithExtraOperations();
    try (MockServer extended = MockServer.start(spec, MockServer.Limits.DEFAULT)) {
      for (Operation op : SpecOperations.operations(spec)) {
        if (!played(op)) {
          assertAnswered(extended, spec, op);
        }
      }
      String session = UUID.randomUUID().toString();
      JsonNode transcript = get(extended, concrete(TRANSCRIPT, Map.of("session_id", session)));
      assertEquals(session, transcript.at("/data/session_id").asText(), transcript.toString());
      assertEquals("Hello from the example.", transcript.at("/data/transcript").asText());

      JsonNode sessions = get(extended, concrete(SESSIONS, Map.of("meeting_id", "m-1")) + "?page_no=1&per_page=2");
      assertEquals(2, sessions.get("data").size());
      assertEquals("m-1", sessions.at("/data/1/meeting_id").asText());
      assertEquals("{\"end_offset\":2,\"start_offset\":1,\"total_count\":2}", sessions.get("paging").toString());
      JsonNode second = get(extended, concrete(SESSIONS, Map.of("meeting_id", "m-1")) + "?page_no=2");
      assertEquals(0, second.get("data").size());
      assertEquals("{\"end_offset\":2,\"start_offset\":3,\"total_count\":2}", second.get("paging").toString());

      HttpResponse<String> active = send(extended, "GET", concrete(ACTIVE, Map.of()));
      assertEquals(201, active.statusCode(), "the example of the first 2xx response");
      assertEquals("RECORDING", JSON.readTree(active.body()).at("/data/status").asText(),
          "the literal segment wins over {recording_id}");
    }
    List<String> known = SpecOperations.operations().stream().map(Operation::path).toList();
    List<String> added = Stream.of(TRANSCRIPT, SESSIONS, ACTIVE).filter(path -> !known.contains(path)).toList();
    assertFalse(added.isEmpty(), "at least one of the operations is one the class path's spec lacks");
    for (String path : added) {
      HttpResponse<String> without = send(mock, "GET", concrete(path, Map.of("session_id", UUID.randomUUID().toString(),
          "meeting_id", "m-1")));
      assertEquals(404, without.statusCode(), path + ": the class path's spec has no such operation");
    }
  }

  @Test
  void pathsTheSpecLacksAre404AndMethodsItLacks405() throws Exception {
    String one = "/client/v4/accounts/a/realtime/kit/b/recordings/" + UUID.randomUUID();
    for (String path : List.of(one + "/extra", "/client/v4/accounts/a/realtime/kit/b/recordings//",
        "/client/v4/accounts//realtime/kit/b/recordings", "/client/v4", "/elsewhere/accounts/a/realtime/kit/b")) {
      HttpResponse<String> response = send(mock, "GET", path);
      assertEquals(404, response.statusCode(), path);
      assertError(404, response);
    }
    for (String path : List.of(one, "/client/v4/accounts/a/realtime/kit/b/recordings", "/mock-downloads/"
        + UUID.randomUUID() + "/video")) {
      HttpResponse<String> response = send(mock, "DELETE", path);
      assertEquals(405, response.statusCode(), path);
      assertEquals(specMethods(path), response.headers().firstValue("Allow").orElse(""), path);
      assertError(405, response);
    }
  }

  /** The methods the spec has on the path a request path matches, as {@code Allow} lists them; GET for a download. */
  private static String specMethods(String requestPath) {
    String path = requestPath.replaceFirst("^/client/v4", "");
    List<String> methods = SpecOperations.operations().stream()
        .filter(op -> path.matches(op.path().replaceAll("\\{[^/}]+\\}", "[^/]+")))
        .map(SpecOperations.Operation::method).toList();
    return methods.isEmpty() ? "GET" : String.join(", ", methods);
  }

  /** Calls an operation as the spec describes it, and checks the answer against its example. */
  private static void assertAnswered(MockServer server, JsonNode spec, Operation op) throws Exception {
    Documented documented = SpecOperations.successExample(spec, op).orElseThrow();
    assertNotNull(documented.body(), op + " documents no example");
    Map<String, String> params = new LinkedHashMap<>();
    for (JsonNode p : op.parameters()) {
      if (p.path("in").asText().equals("path")) {
        String name = p.path("name").asText();
        boolean uuid = SpecOperations.resolve(spec, p.path("schema")).path("format").asText().equals("uuid");
        params.put(name, uuid ? UUID.randomUUID().toString() : "p-" + name.replace('_', '-'));
      }
    }
    HttpResponse<String> response = send(server, op.method(), concrete(op.path(), params));
    assertEquals(documented.status(), response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode answer = JSON.readTree(response.body());
    JsonNode example = documented.body();
    assertEquals(names(example), names(answer), op.toString());
    example.properties().forEach(field -> {
      if (!field.getKey().equals("data") && !field.getKey().equals("paging")) {
        assertEquals(field.getValue(), answer.get(field.getKey()), field.getKey());
      }
    });
    // The id of the resource a path names: /things/{thing_id}, not /things/active-thing/{meeting_id}.
    java.util.regex.Matcher resource = java.util.regex.Pattern.compile(".*/([^/{}]+)/\\{(([^/}]*)_id)}$").matcher(op.path());
    boolean lastIsId = resource.matches() && (resource.group(1).equals(resource.group(3).replace('_', '-') + "s")
        || resource.group(1).equals(resource.group(3).replace('_', '-')));
    String lastParam = lastIsId ? resource.group(2) : null;
    JsonNode data = example.path("data");
    if (data.isObject()) {
      assertItem(server, data, answer.get("data"), params, lastParam);
    } else if (data.isArray()) {
      assertEquals(data.size(), answer.get("data").size());
      for (int i = 0; i < data.size(); i++) {
        assertItem(server, data.get(i), answer.get("data").get(i), params, null);
      }
    }
  }

  /** Each field as documented, but for the path parameters echoed and the downloads on the mock. */
  private static void assertItem(MockServer server, JsonNode example, JsonNode item, Map<String, String> params,
      String lastParam) {
    assertEquals(names(example), names(item));
    String root = server.baseUrl().replace(MockServer.BASE_PATH, "");
    example.properties().forEach(field -> {
      String name = field.getKey();
      JsonNode actual = item.get(name);
      if (name.equals("id") && lastParam != null) {
        assertEquals(params.get(lastParam), actual.asText(), name);
      } else if (params.containsKey(name)) {
        assertEquals(params.get(name), actual.asText(), name);
      } else if (field.getValue().isNull()) {
        assertTrue(actual.isNull(), name);
      } else if (name.equals("download_url") || name.equals("audio_download_url")) {
        assertTrue(actual.asText().startsWith(root + "/mock-downloads/" + item.get("id").asText() + "/"), actual
            .asText());
      } else if (name.equals("file_size")) {
        assertTrue(actual.asLong() > 0, actual.toString());
      } else {
        assertEquals(field.getValue(), actual, name);
      }
    });
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String concrete(String template, Map<String, String> params) {
    String path = template;
    for (Map.Entry<String, String> param : params.entrySet()) {
      path = path.replace("{" + param.getKey() + "}", param.getValue());
    }
    return MockServer.BASE_PATH + path.replace("{account_id}", "acc").replace("{app_id}", "app");
  }

  private static JsonNode get(MockServer server, String path) throws Exception {
    HttpResponse<String> response = send(server, "GET", path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(MockServer server, String method, String path) throws Exception {
    URI uri = URI.create(server.baseUrl().replace(MockServer.BASE_PATH, "") + path);
    return HTTP.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(int status, HttpResponse<String> response) throws Exception {
    JsonNode body = JSON.readTree(response.body());
    assertFalse(body.get("success").asBoolean(), body.toString());
    assertEquals(status, body.at("/error/code").asInt(), body.toString());
  }

  /** The spec on the class path, with three operations more, as a maintainer would add them. */
  private static JsonNode specWithExtraOperations() throws Exception {
    ObjectNode spec = (ObjectNode) SpecExamples.spec();
    JsonNode extra = new YAMLMapper().readTree("""
        paths:
          %s:
            get:
              operationId: get_session_transcript
              parameters:
                - $ref: '#/components/parameters/account_id'
                - $ref: '#/components/parameters/app_id'
                - {name: session_id, in: path, required: true, schema: {type: string, format: uuid}}
              responses:
                '200':
                  description: The transcript.
                  content:
                    application/json:
                      examples:
                        transcript: {$ref: '#/components/examples/GetSessionTranscript'}
          %s:
            get:
              operationId: list_meeting_sessions
              parameters:
                - $ref: '#/components/parameters/account_id'
                - $ref: '#/components/parameters/app_id'
                - {name: meeting_id, in: path, required: true, schema: {type: string}}
                - {name: page_no, in: query, schema: {type: integer}}
                - {name: per_page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: A page of sessions.
                  content:
                    application/json:
                      example:
                        success: true
                        data:
                          - {id: s-1, meeting_id: documented, minutes: 3}
                          - {id: s-2, meeting_id: documented, minutes: 5}
                        paging: {end_offset: 30, start_offset: 1, total_count: 30}
          %s:
            get:
              operationId: get_active_recording
              parameters:
                - $ref: '#/components/parameters/account_id'
                - $ref: '#/components/parameters/app_id'
              responses:
                '201':
                  description: The active recording.
                  content:
                    application/json:
                      examples:
                        active:
                          value: {success: true, data: {id: 6f1c0a52-7a8e-4b8f-9d57-0d0b7e1c2f3a, status: RECORDING}}
        examples:
          GetSessionTranscript:
            value: {success: true, data: {session_id: documented, transcript: Hello from the example.}}
        """.formatted(TRANSCRIPT, SESSIONS, ACTIVE));
    for (Map.Entry<String, JsonNode> path : extra.get("paths").properties()) {
      ((ObjectNode) spec.get("paths")).set(path.getKey(), path.getValue());
    }
    ((ObjectNode) spec.at("/components/examples")).setAll((ObjectNode) extra.get("examples"));
    return spec;
  }
}
