package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A getter not marked @Nullable never returns null: decoding and building refuse a missing required property. */
class RequiredPropertiesTest {

  private static ObjectNode documentedRecording() {
    return (ObjectNode) SpecExamples.example(SpecExamples.GET_ONE_RECORDING).get("data");
  }

  @ParameterizedTest(name = "decoding a recording without {0} fails naming it")
  @ValueSource(strings = {"id", "invoked_time", "output_file_name", "status"})
  void decodingWithoutARequiredPropertyFailsNamingIt(String property) {
    ObjectNode recording = documentedRecording();
    recording.remove(property);

    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> Json.MAPPER.treeToValue(recording, Recording.class));

    assertTrue(e.getOriginalMessage().endsWith("Recording." + property + " is required"), e.getOriginalMessage());
    assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
  }

  @Test
  void nullForARequiredPropertyIsRefusedLikeAbsence() {
    ObjectNode recording = documentedRecording();
    recording.putNull("status");

    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> Json.MAPPER.treeToValue(recording, Recording.class));

    assertTrue(e.getOriginalMessage().endsWith("Recording.status is required"), e.getOriginalMessage());
  }

  @Test
  void aNestedModelIsNamedWithItsPath() {
    ObjectNode page = SpecExamples.example(SpecExamples.GET_ALL_RECORDINGS).deepCopy();
    ((ObjectNode) page.at("/data/0/meeting")).remove("created_at");
    ((ObjectNode) page.at("/data/0/storage_config")).remove("type");

    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> Json.MAPPER.treeToValue(page, ListRecordingsResponse.class));

    assertTrue(e.getOriginalMessage().endsWith("Meeting.created_at is required"), e.getOriginalMessage());
    assertTrue(e.getPathReference().contains("[\"data\"]->"), e.getPathReference());
  }

  @Test
  void aPageWithoutItsPagingIsRefused() {
    ObjectNode page = SpecExamples.example(SpecExamples.GET_ALL_RECORDINGS).deepCopy();
    page.remove("paging");

    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> Json.MAPPER.treeToValue(page, ListRecordingsResponse.class));

    assertTrue(e.getOriginalMessage().endsWith("ListRecordingsResponse.paging is required"), e.getOriginalMessage());
  }

  @Test
  void aNullItemInAListIsRefusedWithItsIndex() {
    ObjectNode page = SpecExamples.pageOf(List.of(SpecExamples.nthId(1), SpecExamples.nthId(2)), 1, 3);
    page.withArray("data").addNull();

    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> Json.MAPPER.treeToValue(page, ListRecordingsResponse.class));

    assertTrue(e.getOriginalMessage().endsWith("ListRecordingsResponse.data[2] is null"), e.getOriginalMessage());
  }

  @Test
  void requiredButNullablePropertiesMayBeNullOrMissing() throws Exception {
    ObjectNode recording = documentedRecording();
    recording.putNull("download_url");
    recording.remove("stopped_time");
    recording.putNull("storage_config");

    Recording decoded = Json.MAPPER.treeToValue(recording, Recording.class);

    assertNull(decoded.getDownloadUrl());
    assertNull(decoded.getStoppedTime());
    assertNull(decoded.getStorageConfig());
    assertEquals(RecordingStatus.INVOKED, decoded.getStatus());
  }

  @Test
  void buildingByHandFailsTheSameWay() {
    Recording.Builder builder = Recording.builder()
        .id(UUID.randomUUID())
        .invokedTime(OffsetDateTime.parse("2024-01-01T10:00:00Z"))
        .outputFileName("a.mp4");

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

    assertEquals("Recording.status is required", e.getMessage());
    assertEquals(RecordingStatus.UPLOADED, builder.status(RecordingStatus.UPLOADED).build().getStatus());
    assertEquals("StorageConfig.type is required",
        assertThrows(IllegalStateException.class, () -> StorageConfig.builder().bucket("b").build()).getMessage());
  }

  @Test
  void listsAreImmutableCopies() {
    List<Recording> recordings = new ArrayList<>(List.of(minimalRecording()));
    Paging paging = Paging.builder().startOffset(1L).endOffset(1L).totalCount(1L).build();
    ListRecordingsResponse page = ListRecordingsResponse.builder().data(recordings).paging(paging).success(true).build();

    recordings.clear();

    assertEquals(1, page.getData().size());
    assertThrows(UnsupportedOperationException.class, () -> page.getData().clear());
    assertEquals("ListRecordingsResponse.data[1] is null", assertThrows(IllegalStateException.class,
        () -> page.toBuilder().data(Arrays.asList(minimalRecording(), null)).build()).getMessage());
  }

  @Test
  void unknownEnumValuesStayLenient() throws Exception {
    ObjectNode recording = documentedRecording();
    recording.put("status", "TRANSCODING");

    Recording decoded = Json.MAPPER.treeToValue(recording, Recording.class);

    assertEquals("TRANSCODING", decoded.getStatus().value());
    assertEquals(false, decoded.getStatus().isKnown());
  }

  static Recording minimalRecording() {
    return Recording.builder()
        .id(UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"))
        .invokedTime(OffsetDateTime.parse("2024-01-01T10:00:00+05:30"))
        .outputFileName("a.mp4")
        .status(RecordingStatus.UPLOADED)
        .build();
  }
}
