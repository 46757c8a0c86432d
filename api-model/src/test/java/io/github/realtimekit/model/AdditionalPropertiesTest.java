package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing dropped: JSON properties newer than the spec survive decoding, toBuilder() and encoding. */
class AdditionalPropertiesTest {

  /** The documented get_one_recording response with properties newer than the spec, at every level. */
  private static ObjectNode newerResponse() {
    ObjectNode body = SpecExamples.oneRecording(data -> {
      data.put("transcoding_progress", 42);
      data.putObject("watermark").put("url", "https://example.com/w.png").putArray("sizes").add(1).add(2);
      data.putNull("archived_at");
      data.put("precise", new java.math.BigDecimal("12345678901234567890.5"));
      data.put("price", new java.math.BigDecimal("1.50"));
      ((ObjectNode) data.get("storage_config")).put("encryption", "aes256");
      ((ObjectNode) data.at("/start_reason/caller")).put("email", "a@example.com");
    });
    body.put("request_id", "abc");
    return body;
  }

  @Test
  void newerPropertiesSurviveDecodeToBuilderAndEncode() throws Exception {
    ObjectNode body = newerResponse();

    GetRecordingResponse decoded = Json.MAPPER.readValue(body.toString(), GetRecordingResponse.class);
    Recording rebuilt = decoded.getData().toBuilder().outputFileName("renamed.mp4").build();
    GetRecordingResponse again = decoded.toBuilder().data(rebuilt).build();
    String json = Json.MAPPER.writeValueAsString(again);
    JsonNode encoded = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);

    ObjectNode expected = body.deepCopy();
    ((ObjectNode) expected.get("data")).put("output_file_name", "renamed.mp4");
    assertEquals(expected, encoded);
    assertTrue(json.contains("\"precise\":12345678901234567890.5"), "every digit of a number is kept: " + json);
    assertTrue(json.contains("\"price\":1.50"), "a trailing zero is kept: " + json);
    assertEquals(IntNode.valueOf(42), rebuilt.getAdditionalProperties().get("transcoding_progress"));
    assertEquals(NullNode.getInstance(), rebuilt.getAdditionalProperties().get("archived_at"));
    assertEquals(TextNode.valueOf("aes256"), rebuilt.getStorageConfig().getAdditionalProperties().get("encryption"));
    assertEquals(TextNode.valueOf("abc"), again.getAdditionalProperties().get("request_id"));
  }

  @Test
  void theyKeepTheOrderTheyCameIn() throws Exception {
    Recording decoded = Json.MAPPER.treeToValue(newerResponse().get("data"), Recording.class);

    assertEquals(List.of("transcoding_progress", "watermark", "archived_at", "precise", "price"),
        new ArrayList<>(decoded.getAdditionalProperties().keySet()));
  }

  @Test
  void theMapIsImmutableAndItsValuesAreCopies() throws Exception {
    Recording decoded = Json.MAPPER.treeToValue(newerResponse().get("data"), Recording.class);
    Map<String, JsonNode> properties = decoded.getAdditionalProperties();

    assertThrows(UnsupportedOperationException.class, () -> properties.remove("watermark"));
    ((ObjectNode) properties.get("watermark")).put("url", "changed");

    assertEquals("https://example.com/w.png", decoded.getAdditionalProperties().get("watermark").get("url").asText());
  }

  @Test
  void theyCountInEquality() throws Exception {
    Recording plain = RequiredPropertiesTest.minimalRecording();
    Recording newer = plain.toBuilder().additionalProperty("transcoding_progress", IntNode.valueOf(42)).build();

    assertNotEquals(plain, newer);
    assertEquals(newer, newer.toBuilder().build());
    assertEquals(newer.hashCode(), newer.toBuilder().build().hashCode());
    assertEquals(Map.of(), plain.getAdditionalProperties());
  }

  @Test
  void aPropertyOfTheSpecCannotBeSetAsAnUnknownOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Recording.builder().additionalProperty("status", TextNode.valueOf("UPLOADED")));

    assertTrue(e.getMessage().startsWith("Recording.status is defined by the spec"), e.getMessage());
  }

  @Test
  void javaNullStandsForJsonNull() throws Exception {
    Recording recording = RequiredPropertiesTest.minimalRecording().toBuilder().additionalProperty("gone", null).build();

    assertEquals(NullNode.getInstance(), recording.getAdditionalProperties().get("gone"));
    assertTrue(Json.MAPPER.writeValueAsString(recording).contains("\"gone\":null"));
  }
}
