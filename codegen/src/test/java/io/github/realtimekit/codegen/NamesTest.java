package io.github.realtimekit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void javaNamesAreTheOperationIdInLowerCamelCase() {
    assertEquals("getSessionTranscript", RealtimeKitCodegen.javaName("get_session_transcript"));
    assertEquals("listMeetingSessions", RealtimeKitCodegen.javaName("list_meeting_sessions"));
    assertEquals("startTrackRecordingForAMeeting", RealtimeKitCodegen.javaName("startTrackRecordingForAMeeting"));
    assertEquals("getRecording", RealtimeKitCodegen.javaName("getRecording"));
  }

  @Test
  void classNamesAreThePascalCaseOfEither() {
    assertEquals("ListRecordings", RealtimeKitCodegen.javaClass("listRecordings"));
    assertEquals("GetSessionTranscript", RealtimeKitCodegen.javaClass("get_session_transcript"));
  }

  @Test
  void commandNamesAreTheKebabCaseOfTheOperationId() {
    assertEquals("get-session-transcript", RealtimeKitCodegen.cliName("get_session_transcript"));
    assertEquals("list-meeting-sessions", RealtimeKitCodegen.cliName("list_meeting_sessions"));
    assertEquals("start-track-recording-for-a-meeting", RealtimeKitCodegen.cliName("startTrackRecordingForAMeeting"));
    assertEquals("page-no", RealtimeKitCodegen.cliName("page_no"));
  }

  @Test
  void aResultTypeDropsTheValidationAnnotationsOfAListsElements() {
    assertEquals("List<Webhook>", OperationFacts.plainType("List<@Valid Webhook>"));
    assertEquals("Map<String, List<Thing>>", OperationFacts.plainType("Map<String, List<@jakarta.validation.Valid Thing>>"));
    assertEquals("List<String>", OperationFacts.plainType("List<@Size(max = 3) String>"));
    assertEquals("Recording", OperationFacts.plainType("Recording"));
  }

  @Test
  void aPathIsItsLiteralsAndSegmentsInOrder() {
    assertEquals(List.of(Map.of("literal", "/accounts/"), Map.of("segment", "accountId"),
        Map.of("literal", "/recordings/"), Map.of("segment", "recordingId")),
        RealtimeKitCodegen.pathParts("/accounts/{accountId}/recordings/{recordingId}"));
    assertEquals(List.of(Map.of("segment", "a"), Map.of("segment", "b"), Map.of("literal", ".json")),
        RealtimeKitCodegen.pathParts("{a}{b}.json"));
    assertEquals(List.of(Map.of("literal", "/say \\\"hi\\\"\\\\")), RealtimeKitCodegen.pathParts("/say \"hi\"\\"),
        "escaped for a Java string literal");
  }
}
