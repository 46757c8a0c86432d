package io.github.realtimekit.client.webhooks;

import static io.github.realtimekit.client.webhooks.TestKeys.KEY;
import static io.github.realtimekit.client.webhooks.TestKeys.OTHER;
import static io.github.realtimekit.client.webhooks.TestKeys.pem;
import static io.github.realtimekit.client.webhooks.TestKeys.sign;
import static io.github.realtimekit.client.webhooks.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.webhooks.WebhookVerificationException.Reason;
import io.github.realtimekit.model.MeetingParticipantJoined;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.RecordingStatusUpdate;
import io.github.realtimekit.model.UnknownWebhookEvent;
import io.github.realtimekit.model.WebhookRecording;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeKitWebhooksTest {

  static final String UPLOADED = "{\"event\":\"recording.statusUpdate\",\"recording\":{"
      + "\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"recordingId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
      + "\"meetingId\":\"97440c6a-140b-40a9-9499-b23fd7a3868a\",\"status\":\"UPLOADED\","
      + "\"downloadUrl\":\"https://bucket.example.com/r.mp4?X-Amz-Signature=abc\","
      + "\"downloadUrlExpiry\":\"2026-07-07T09:45:06.102Z\",\"fileSize\":\"2044680\",\"outputFileName\":\"r.mp4\","
      + "\"startedTime\":\"2026-06-30 09:15:06.102123Z\",\"stoppedTime\":\"2026-06-30T09:45:06Z\",\"recordingDuration\":1800,"
      + "\"newField\":[1,2]},"
      + "\"meeting\":{\"id\":\"97440c6a-140b-40a9-9499-b23fd7a3868a\",\"title\":\"Standup\","
      + "\"organizedBy\":{\"id\":\"o1\",\"name\":\"Ada\"}}}";

  final RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder().publicKeyPem(pem(KEY)).build();

  static Map<String, List<String>> headers(String signature) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Rtk-Signature", List.of(signature));
    headers.put("RTK-UUID", List.of("d-1"));
    headers.put("rtk-webhook-id", List.of("w-1"));
    return headers;
  }

  WebhookVerificationException refused(byte[] body, Map<String, List<String>> headers) {
    return assertThrows(WebhookVerificationException.class, () -> webhooks.verify(body, headers));
  }

  @Test
  void aSignedDeliveryGivesItsTypedEventAndIds() {
    byte[] body = utf8(UPLOADED);
    WebhookDelivery delivery = webhooks.verify(body, headers(sign(KEY, body)));
    assertEquals("d-1", delivery.getDeliveryId());
    assertEquals("w-1", delivery.getWebhookId());
    assertEquals("recording.statusUpdate", delivery.getEventName());
    RecordingStatusUpdate update = assertInstanceOf(RecordingStatusUpdate.class, delivery.getEvent());
    WebhookRecording recording = update.getRecording();
    assertEquals(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), recording.getId());
    assertEquals(RecordingStatus.UPLOADED, recording.getStatus());
    assertEquals(2044680L, recording.getFileSize(), "a numeric string");
    assertEquals(OffsetDateTime.parse("2026-06-30T09:15:06.102123Z"), recording.getStartedTime(), "a space, microseconds");
    assertEquals(OffsetDateTime.parse("2026-06-30T09:45:06Z"), recording.getStoppedTime());
    assertEquals("[1,2]", recording.getAdditionalProperties().get("newField").toString(), "unknown fields kept");
    assertEquals("Ada", update.getMeeting().getOrganizedBy().getName());
  }

  @Test
  void headersCanComeThroughAFunction() {
    byte[] body = utf8(UPLOADED);
    String signature = sign(KEY, body);
    WebhookDelivery delivery = webhooks.verify(body, name -> name.equals("rtk-signature") ? signature : null);
    assertNull(delivery.getDeliveryId());
    assertNull(delivery.getWebhookId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2044680", "\"2044680\""})
  void fileSizeIsANumberOrANumericString(String fileSize) {
    byte[] body = utf8("{\"event\":\"recording.statusUpdate\",\"recording\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
        + "\"status\":\"UPLOADED\",\"fileSize\":" + fileSize + "}}");
    RecordingStatusUpdate update = (RecordingStatusUpdate) webhooks.verify(body, headers(sign(KEY, body))).getEvent();
    assertEquals(2044680L, update.getRecording().getFileSize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-04-14 04:46:08.306221Z", "2023-04-14T04:46:08.306221Z", "2023-04-14T04:46:08Z",
      "2023-04-14 04:46:08.3Z", "2023-04-14T06:46:08.306221+02:00"})
  void timestampsWithATOrASpaceAndUpToMicroseconds(String time) {
    byte[] body = utf8("{\"event\":\"meeting.participantJoined\",\"participant\":{\"joinedAt\":\"" + time + "\"}}");
    MeetingParticipantJoined joined = assertInstanceOf(MeetingParticipantJoined.class,
        webhooks.verify(body, headers(sign(KEY, body))).getEvent());
    assertEquals(OffsetDateTime.parse(time.replace(' ', 'T')).toInstant(), joined.getParticipant().getJoinedAt().toInstant());
  }

  @Test
  void anUnknownEventIsKeptWhole() {
    byte[] body = utf8("{\"event\":\"meeting.somethingNew\",\"x\":{\"y\":1}}");
    UnknownWebhookEvent event = assertInstanceOf(UnknownWebhookEvent.class, webhooks.verify(body, headers(sign(KEY, body))).getEvent());
    assertEquals("meeting.somethingNew", event.getEvent());
    assertEquals(1, event.getAdditionalProperties().get("x").get("y").asInt());
  }

  @Test
  void aMissingOrEmptySignatureHeader() {
    byte[] body = utf8(UPLOADED);
    Map<String, List<String>> none = headers("x");
    none.remove("Rtk-Signature");
    assertEquals(Reason.MISSING_SIGNATURE, refused(body, none).getReason());
    assertEquals(Reason.MISSING_SIGNATURE, refused(body, headers(" ")).getReason());
    assertEquals(Reason.MISSING_SIGNATURE, refused(body, Map.of("rtk-signature", List.of())).getReason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "YWJj=ZGVm", "%%%"})
  void aSignatureThatIsNotBase64(String value) {
    WebhookVerificationException e = refused(utf8(UPLOADED), headers(value));
    assertEquals(Reason.MALFORMED_SIGNATURE, e.getReason());
    assertTrue(e.getMessage().contains("not base64"), e.getMessage());
  }

  @Test
  void twoSignatureHeadersOrAnOverlongOne() {
    byte[] body = utf8(UPLOADED);
    String good = sign(KEY, body);
    assertEquals(Reason.MALFORMED_SIGNATURE, refused(body, Map.of("rtk-signature", List.of(good, good))).getReason());
    assertEquals(Reason.MALFORMED_SIGNATURE, refused(body, headers("A".repeat(8192))).getReason());
  }

  @Test
  void aSignatureByAnotherKey() {
    byte[] body = utf8(UPLOADED);
    WebhookVerificationException e = refused(body, headers(sign(OTHER, body)));
    assertEquals(Reason.BAD_SIGNATURE, e.getReason());
    assertFalse(e.getMessage().contains(sign(OTHER, body)), "the signature is not in the message");
  }

  @Test
  void aSignatureOfOtherBytesThoughTheSameJson() {
    byte[] signed = utf8(UPLOADED);
    byte[] reformatted = utf8(UPLOADED.replace(",", ", "));
    assertEquals(Reason.BAD_SIGNATURE, refused(reformatted, headers(sign(KEY, signed))).getReason());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 255, 256, 257, 512})
  void aSignatureOfTheWrongLength(int length) {
    String value = Base64.getEncoder().encodeToString(new byte[length]);
    assertEquals(Reason.BAD_SIGNATURE, refused(utf8(UPLOADED), headers(value.isEmpty() ? "AA==" : value)).getReason());
  }

  @Test
  void nothingIsParsedBeforeTheSignatureVerifies() {
    byte[] notJson = utf8("{not json");
    assertEquals(Reason.BAD_SIGNATURE, refused(notJson, headers(sign(OTHER, notJson))).getReason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "[]", "{}", "{\"event\":\"recording.statusUpdate\",\"recording\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"}}",
      "{\"event\":\"recording.statusUpdate\",\"recording\":{\"id\":\"not-a-uuid\",\"status\":\"UPLOADED\"}}",
      "{\"event\":\"meeting.started\"} {\"event\":\"meeting.started\"}", ""})
  void aSignedBodyThatIsNoEvent(String text) {
    byte[] body = utf8(text);
    WebhookVerificationException e = refused(body, headers(sign(KEY, body)));
    assertEquals(Reason.MALFORMED_PAYLOAD, e.getReason(), e.getMessage());
  }

  @Test
  void thePemMayComeWithEscapedNewlines() {
    String escaped = pem(KEY).replace("\n", "\\n");
    RealtimeKitWebhooks fromEscaped = RealtimeKitWebhooks.builder().publicKeyPem(escaped).build();
    byte[] body = utf8(UPLOADED);
    assertEquals("d-1", fromEscaped.verify(body, headers(sign(KEY, body))).getDeliveryId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a key", "-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----",
      "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"})
  void aGivenPemThatHoldsNoKeyIsRefusedAtBuild(String pem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RealtimeKitWebhooks.builder().publicKeyPem(pem).build());
    assertTrue(e.getMessage().startsWith("the public key"), e.getMessage());
  }

  @Test
  void aKeyUrlInClearToAnotherMachineIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RealtimeKitWebhooks.builder().publicKeyUrl(java.net.URI.create("http://example.com/.well-known/webhooks.json")));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
    RealtimeKitWebhooks.builder().publicKeyUrl(java.net.URI.create("http://127.0.0.1:1/k"));
    RealtimeKitWebhooks.builder().publicKeyUrl(java.net.URI.create("https://keys.example.com/k"));
  }
}
