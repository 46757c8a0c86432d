package io.github.realtimekit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How the operation-enumerating tests read a spec: two operations added to a copy of it, as a
 * maintainer would add them, come out with the names, arguments and examples the client's naming
 * contract gives them.
 */
class SpecOperationTest {

  static final String ADDED_PATHS = """
      {
        "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/transcript/{part}": {
          "parameters": [{"$ref": "#/components/parameters/account_id"}],
          "get": {
            "operationId": "get_session_transcript",
            "parameters": [
              {"$ref": "#/components/parameters/app_id"},
              {"name": "session_id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
              {"name": "part", "in": "path", "required": true, "schema": {"type": "integer"}}
            ],
            "responses": {
              "200": {"description": "ok", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"transcript": {"type": "string"}}},
                "example": {"transcript": "hello"}}}},
              "4XX": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/sessions": {
          "get": {
            "operationId": "list_meeting_sessions",
            "x-realtimekit-name": "sessionsOfMeeting",
            "parameters": [
              {"name": "account_id", "in": "path", "required": true, "x-realtimekit-from-client": "accountId",
               "schema": {"type": "string"}},
              {"name": "app_id", "in": "path", "required": true, "x-realtimekit-from-client": "appId",
               "schema": {"type": "string"}},
              {"name": "meeting_id", "in": "path", "required": true, "schema": {"type": "string", "enum": ["x", "y"]}},
              {"name": "page_no", "in": "query", "schema": {"type": "integer"}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer"}}
            ],
            "responses": {
              "200": {"description": "ok", "content": {"application/json": {
                "schema": {"type": "object", "properties": {
                  "data": {"type": "array", "items": {"type": "object"}},
                  "paging": {"$ref": "#/components/schemas/Paging"}}},
                "examples": {"two": {"value": {"data": [{}, {}]}}}}}}
            }
          }
        }
      }
      """;

  static Map<String, SpecOperation> withTwoAdded() throws Exception {
    ObjectNode spec = (ObjectNode) SpecExamples.spec();
    ObjectNode added = (ObjectNode) ExampleAssertions.MAPPER.readTree(ADDED_PATHS);
    Set<String> ids = added.findValuesAsText("operationId").stream().collect(Collectors.toSet());
    // Operations of the spec with these operationIds give way to the two, whatever the spec holds by now.
    for (JsonNode item : spec.get("paths")) {
      ((ObjectNode) item).remove(item.properties().stream()
          .filter(method -> ids.contains(method.getValue().path("operationId").asText()))
          .map(Map.Entry::getKey).toList());
    }
    ((ObjectNode) spec.get("paths")).setAll(added);
    return SpecOperation.all(spec).stream()
        .collect(Collectors.toMap(SpecOperation::operationId, Function.identity()));
  }

  @Test
  void findsEveryOperationOfTheSpec() {
    List<String> written = java.util.regex.Pattern.compile("(?m)^\\s+operationId:\\s*(\\S+)\\s*$")
        .matcher(SpecExamples.specText()).results().map(m -> m.group(1)).toList();
    assertFalse(written.isEmpty());
    assertEquals(written, SpecOperation.all().stream().map(SpecOperation::operationId).toList(),
        "every operationId the spec's text holds, in its order");
  }

  @Test
  void aGetOfOneValue() throws Exception {
    SpecOperation op = withTwoAdded().get("get_session_transcript");

    assertEquals("getSessionTranscript (get_session_transcript)", op.label());
    assertEquals("GET", op.method());
    assertEquals(List.of("session_id", "part"),
        op.argumentParams().stream().map(SpecOperation.PathParam::name).toList(),
        "path parameters the client does not fill, in path order");
    assertEquals(Fixtures.BASE_PATH + "/accounts/" + Fixtures.ACCOUNT + "/realtime/kit/" + Fixtures.APP + "/sessions/"
        + Fixtures.RECORDING + "/transcript/1", op.samplePath());
    assertFalse(op.paged());
    assertFalse(op.hasQuery());
    assertFalse(op.hasData());
    assertEquals(200, op.okStatus());
    assertEquals(Map.of("example", ExampleAssertions.MAPPER.readTree("{\"transcript\":\"hello\"}")), op.okExamples());
    assertEquals(List.of("4XX"), List.copyOf(op.errorExamples().keySet()));
    assertEquals(List.of("cloudflare", "realtimekit"), List.copyOf(op.errorExamples().get("4XX").keySet()));
  }

  @Test
  void aPagedListWithTheExtensions() throws Exception {
    SpecOperation op = withTwoAdded().get("list_meeting_sessions");

    assertEquals("sessionsOfMeeting", op.javaName(), "x-realtimekit-name wins");
    assertEquals("SessionsOfMeeting", op.pascalName());
    assertEquals(List.of("meeting_id"), op.argumentParams().stream().map(SpecOperation.PathParam::name).toList());
    assertTrue(op.samplePath().endsWith("/meetings/x/sessions"), "an enum's first value: " + op.samplePath());
    assertTrue(op.paged(), "paging, a data array, page_no and per_page");
    assertTrue(op.hasQuery());
    assertEquals(2, op.okExamples().get("two").get("data").size());
    assertTrue(op.errorExamples().isEmpty());
  }

  @Test
  void derivesJavaNamesFromOperationIds() {
    assertEquals("getSessionTranscript", SpecOperation.lowerCamel("get_session_transcript"));
    assertEquals("listMeetingSessions", SpecOperation.lowerCamel("list_meeting_sessions"));
    assertEquals("getRecording", SpecOperation.lowerCamel("GetRecording"));
  }
}
