package io.github.realtimekit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.CodegenParameter;

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
  void theSpecPathKeepsTheSpecsParameterNames() {
    assertEquals("/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/transcript",
        RealtimeKitCodegen.specPath("/accounts/{accountId}/realtime/kit/{appId}/sessions/{sessionId}/transcript",
            List.of(param("account_id", "accountId"), param("app_id", "appId"), param("session_id", "sessionId"))));
  }

  private static CodegenParameter param(String baseName, String paramName) {
    CodegenParameter p = new CodegenParameter();
    p.baseName = baseName;
    p.paramName = paramName;
    return p;
  }
}
