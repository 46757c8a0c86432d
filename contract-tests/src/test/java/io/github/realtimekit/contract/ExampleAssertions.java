package io.github.realtimekit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.model.Caller;
import io.github.realtimekit.model.Meeting;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.StartReason;
import io.github.realtimekit.model.StopReason;
import io.github.realtimekit.model.StorageConfig;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Typed comparisons of decoded models with the example trees they were decoded from. */
final class ExampleAssertions {

  static final ObjectMapper MAPPER = RealtimeKitJson.newObjectMapper();

  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
      .configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory()
      .getValidator();

  private ExampleAssertions() {
  }

  /** Every field of a recording, typed: UUIDs, URIs, date-times with their offsets, enums, nested objects. */
  static void assertRecording(JsonNode expected, Recording actual) {
    assertNotNull(actual, "recording");
    assertEquals(UUID.fromString(expected.get("id").asText()), actual.getId());
    assertEquals(URI.create(expected.get("audio_download_url").asText()), actual.getAudioDownloadUrl());
    assertEquals(URI.create(expected.get("download_url").asText()), actual.getDownloadUrl());
    assertDateTime(expected.get("download_url_expiry"), actual.getDownloadUrlExpiry());
    assertEquals(expected.get("file_size").asLong(), actual.getFileSize());
    assertDateTime(expected.get("invoked_time"), actual.getInvokedTime());
    assertEquals(expected.get("output_file_name").asText(), actual.getOutputFileName());
    assertEquals(UUID.fromString(expected.get("session_id").asText()), actual.getSessionId());
    assertDateTime(expected.get("started_time"), actual.getStartedTime());
    assertEquals(expected.get("status").asText(), actual.getStatus().value());
    assertTrue(actual.getStatus().isKnown(), "status is one the spec lists");
    assertDateTime(expected.get("stopped_time"), actual.getStoppedTime());
    assertEquals(expected.get("recording_duration").asLong(), actual.getRecordingDuration());
    assertMeeting(expected.get("meeting"), actual.getMeeting());
    assertStartReason(expected.get("start_reason"), actual.getStartReason());
    assertStopReason(expected.get("stop_reason"), actual.getStopReason());
    assertStorageConfig(expected.get("storage_config"), actual.getStorageConfig());
  }

  static void assertDateTime(JsonNode expected, OffsetDateTime actual) {
    OffsetDateTime parsed = OffsetDateTime.parse(expected.asText());
    assertEquals(parsed, actual, "the same instant at the same offset");
    assertEquals(parsed.getOffset(), actual.getOffset(), "the sender's offset is kept");
  }

  private static void assertMeeting(JsonNode expected, Meeting actual) {
    if (expected == null) {
      assertNull(actual, "meeting");
      return;
    }
    assertEquals(UUID.fromString(expected.get("id").asText()), actual.getId());
    assertDateTime(expected.get("created_at"), actual.getCreatedAt());
    assertDateTime(expected.get("updated_at"), actual.getUpdatedAt());
    assertEquals(expected.get("live_stream_on_start").asBoolean(), actual.getLiveStreamOnStart());
    assertEquals(expected.get("persist_chat").asBoolean(), actual.getPersistChat());
    assertEquals(expected.get("record_on_start").asBoolean(), actual.getRecordOnStart());
    assertEquals(expected.get("session_keep_alive_time_in_secs").asInt(), actual.getSessionKeepAliveTimeInSecs());
    assertEquals(expected.get("status").asText(), actual.getStatus().value());
    assertTrue(actual.getStatus().isKnown(), "meeting status is one the spec lists");
    assertEquals(expected.get("summarize_on_end").asBoolean(), actual.getSummarizeOnEnd());
    assertEquals(expected.get("title").asText(), actual.getTitle());
  }

  private static void assertStartReason(JsonNode expected, StartReason actual) {
    if (expected == null) {
      assertNull(actual, "start_reason");
      return;
    }
    assertCaller(expected.get("caller"), actual.getCaller());
    assertEquals(expected.get("reason").asText(), actual.getReason().value());
    assertTrue(actual.getReason().isKnown(), "start reason is one the spec lists");
  }

  private static void assertStopReason(JsonNode expected, StopReason actual) {
    if (expected == null) {
      assertNull(actual, "stop_reason");
      return;
    }
    assertCaller(expected.get("caller"), actual.getCaller());
    assertEquals(expected.get("reason").asText(), actual.getReason().value());
    assertTrue(actual.getReason().isKnown(), "stop reason is one the spec lists");
  }

  private static void assertCaller(JsonNode expected, Caller actual) {
    assertEquals(expected.get("name").asText(), actual.getName());
    assertEquals(expected.get("type").asText(), actual.getType().value());
    assertTrue(actual.getType().isKnown(), "caller type is one the spec lists");
    assertEquals(expected.get("user_Id").asText(), actual.getUserId());
  }

  private static void assertStorageConfig(JsonNode expected, StorageConfig actual) {
    if (expected == null) {
      assertNull(actual, "storage_config");
      return;
    }
    assertEquals(expected.get("type").asText(), actual.getType().value());
    assertTrue(actual.getType().isKnown(), "storage type is one the spec lists");
    assertEquals(expected.get("auth_method").asText(), actual.getAuthMethod().value());
    assertEquals(expected.get("bucket").asText(), actual.getBucket());
    assertEquals(expected.get("host").asText(), actual.getHost());
    assertEquals(expected.get("password").asText(), actual.getPassword());
    assertEquals(expected.get("path").asText(), actual.getPath());
    assertEquals(expected.get("port").asInt(), actual.getPort());
    assertEquals(expected.get("private_key").asText(), actual.getPrivateKey());
    assertEquals(expected.get("region").asText(), actual.getRegion());
    assertEquals(expected.get("secret").asText(), actual.getSecret());
    assertEquals(expected.get("username").asText(), actual.getUsername());
    assertEquals(expected.has("access_key") ? expected.get("access_key").asText() : null, actual.getAccessKey());
  }

  /** Encodes the decoded model again and compares the whole tree, so no field can be dropped unnoticed. */
  static void assertRoundTrip(JsonNode expected, Object decoded) {
    try {
      JsonNode again = MAPPER.readTree(MAPPER.writeValueAsString(decoded));
      assertEquals(expected, again, "the decoded model encodes back to the documented example");
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A copy of an example without its null fields, as the client's mapper writes a model: it leaves
   * null fields out, where an example may send them as null.
   */
  static JsonNode withoutNulls(JsonNode example) {
    JsonNode copy = example.deepCopy();
    removeNulls(copy);
    return copy;
  }

  private static void removeNulls(JsonNode node) {
    if (node.isObject()) {
      node.forEach(ExampleAssertions::removeNulls);
      ((ObjectNode) node).properties().removeIf(field -> field.getValue().isNull());
    } else if (node.isArray()) {
      node.forEach(ExampleAssertions::removeNulls);
    }
  }

  /** Bean Validation of a decoded model against the spec's constraints. */
  static void assertValid(Object decoded) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(decoded);
    assertTrue(violations.isEmpty(), () -> "constraint violations: " + violations);
  }
}
