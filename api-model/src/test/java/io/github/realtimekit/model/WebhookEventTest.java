package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook payloads decode by their event name into the classes the spec's WebhookEvent maps them to. */
class WebhookEventTest {

  private static WebhookEvent decode(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, WebhookEvent.class);
  }

  @ParameterizedTest
  @CsvSource({
      "meeting.started, MeetingStarted",
      "meeting.ended, MeetingEnded",
      "meeting.participantJoined, MeetingParticipantJoined",
      "meeting.participantLeft, MeetingParticipantLeft",
      "meeting.chatSynced, MeetingChatSynced",
      "livestreaming.statusUpdate, LivestreamingStatusUpdate",
      "meeting.transcript, MeetingTranscript",
      "meeting.summary, MeetingSummary",
  })
  void everyEventNameDecodesAsItsOwnClassWithOnlyTheNamePresent(String name, String simpleClassName) throws Exception {
    WebhookEvent event = decode("{\"event\":\"" + name + "\"}");
    assertEquals(simpleClassName, event.getClass().getSimpleName());
    assertEquals(name, event.getEvent());
  }

  @Test
  void aRecordingStatusUpdateNeedsOnlyTheRecordingsIdAndStatus() throws Exception {
    WebhookEvent event = decode("{\"event\":\"recording.statusUpdate\","
        + "\"recording\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"status\":\"RECORDING\"}}");
    RecordingStatusUpdate update = assertInstanceOf(RecordingStatusUpdate.class, event);
    assertEquals(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), update.getRecording().getId());
    assertEquals(RecordingStatus.RECORDING, update.getRecording().getStatus());
    assertNull(update.getMeeting());
    assertNull(update.getRecording().getFileSize());
  }

  @Test
  void aRecordingStatusUpdateWithoutItsRecordingsStatusIsRefused() {
    assertThrows(JsonProcessingException.class, () -> decode("{\"event\":\"recording.statusUpdate\","
        + "\"recording\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"}}"));
    assertThrows(JsonProcessingException.class, () -> decode("{\"event\":\"recording.statusUpdate\"}"));
  }

  @Test
  void anEventNameNotInTheSpecIsKeptWholeAsAnUnknownEvent() throws Exception {
    WebhookEvent event = decode("{\"event\":\"meeting.somethingNew\",\"meeting\":{\"id\":\"m1\"},\"n\":1.50}");
    UnknownWebhookEvent unknown = assertInstanceOf(UnknownWebhookEvent.class, event);
    assertEquals("meeting.somethingNew", unknown.getEvent());
    Map<String, JsonNode> rest = unknown.getAdditionalProperties();
    assertEquals("m1", rest.get("meeting").get("id").asText());
    assertEquals("1.50", rest.get("n").toString());
    assertEquals("{\"event\":\"meeting.somethingNew\",\"meeting\":{\"id\":\"m1\"},\"n\":1.50}",
        Json.MAPPER.writeValueAsString(unknown));
  }

  @Test
  void aBodyWithoutAnEventNameIsRefused() {
    assertThrows(JsonProcessingException.class, () -> decode("{\"meeting\":{\"id\":\"m1\"}}"));
  }

  @Test
  void fieldsNewerThanTheSpecAreKeptInAKnownEventAndItsParts() throws Exception {
    MeetingEnded ended = assertInstanceOf(MeetingEnded.class, decode("{\"event\":\"meeting.ended\","
        + "\"reason\":\"HOST_ENDED_MEETING\",\"extra\":true,\"meeting\":{\"id\":\"m1\",\"region\":\"eu\"}}"));
    assertEquals(MeetingEndedReason.HOST_ENDED_MEETING, ended.getReason());
    assertTrue(ended.getAdditionalProperties().get("extra").asBoolean());
    assertEquals("eu", ended.getMeeting().getAdditionalProperties().get("region").asText());
  }

  @Test
  void aReasonOrStatusNewerThanTheSpecDecodes() throws Exception {
    MeetingEnded ended = assertInstanceOf(MeetingEnded.class,
        decode("{\"event\":\"meeting.ended\",\"reason\":\"TIMED_OUT\"}"));
    assertFalse(ended.getReason().isKnown());
    assertEquals("TIMED_OUT", ended.getReason().value());
  }

  @Test
  void theStreamKeyIsNeverPrinted() throws Exception {
    LivestreamingStatusUpdate update = assertInstanceOf(LivestreamingStatusUpdate.class,
        decode("{\"event\":\"livestreaming.statusUpdate\",\"status\":\"LIVE\",\"streamKey\":\"sk-secret-1\"}"));
    assertEquals("sk-secret-1", update.getStreamKey());
    assertFalse(update.toString().contains("sk-secret-1"), update.toString());
  }

  @Test
  void aDownloadUrlPrintsWithoutItsSignature() throws Exception {
    RecordingStatusUpdate update = assertInstanceOf(RecordingStatusUpdate.class, decode(
        "{\"event\":\"recording.statusUpdate\",\"recording\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
            + "\"status\":\"UPLOADED\",\"downloadUrl\":\"https://bucket.example.com/r.mp4?X-Amz-Signature=abc\"}}"));
    assertFalse(update.toString().contains("X-Amz-Signature"), update.toString());
  }
}
