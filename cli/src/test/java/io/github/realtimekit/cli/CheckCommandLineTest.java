package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What to run to call an operation, as the tool says it when an outcome is unknown. */
class CheckCommandLineTest {

  private static final String MEETING = "97440c6a-140b-40a9-9499-b23fd7a3868a";

  @Test
  void anOperationIsItsCommandWithItsArguments() {
    assertEquals("realtimekit-recordings active --meeting " + MEETING,
        FailureReport.commandLine("getActiveRecording", Map.of("meeting_id", MEETING)));
  }

  @Test
  void aPositionalArgumentIsJustItsValue() {
    assertEquals("realtimekit-recordings get " + MEETING, FailureReport.commandLine("getRecording",
        Map.of("recording_id", MEETING)));
  }

  @Test
  void aValueAShellWouldReadOtherwiseIsQuoted() {
    assertEquals("realtimekit-recordings active --meeting 'it'\\''s; rm -rf ~'",
        FailureReport.commandLine("getActiveRecording", Map.of("meeting_id", "it's; rm -rf ~")));
  }

  @Test
  void noCommandOrAMissingArgumentIsNone() {
    assertNull(FailureReport.commandLine("noSuchOperation", Map.of()));
    assertNull(FailureReport.commandLine("getActiveRecording", Map.of()));
  }
}
