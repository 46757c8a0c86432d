package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.model.AudioChannel;
import io.github.realtimekit.model.AudioCodec;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Meeting;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingConfig;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.StorageAuthMethod;
import io.github.realtimekit.model.StorageType;
import io.github.realtimekit.model.VideoCodec;
import io.github.realtimekit.model.WatermarkPosition;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failed recording whose meeting carries its recording configuration and {@code transcribe_on_end}:
 * the spec's {@code GetAllRecordingsErrored} example, served to a strict client.
 */
class RecordingConfigContractTest {

  static final String EXAMPLE = "GetAllRecordingsErrored";

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  RealtimeKitClient client;
  JsonNode example = SpecExamples.example(EXAMPLE);

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).build();
    server.stubFor(get(urlPathEqualTo(Fixtures.LIST_PATH)).willReturn(okJson(SpecExamples.exampleJson(EXAMPLE))));
  }

  private Recording firstRecording() {
    ListRecordingsResponse page = client.api().listRecordings(Fixtures.ACCOUNT, Fixtures.APP,
        ListRecordingsQuery.builder().status(RecordingStatusFilter.ERRORED).build());
    assertEquals(1, page.getData().size());
    return page.getData().get(0);
  }

  @Test
  void decodesAFailedRecordingWithoutItsDownloads() {
    Recording recording = firstRecording();
    JsonNode expected = example.at("/data/0");

    assertSame(RecordingStatus.ERRORED, recording.getStatus(), "a known status, decoded to its constant");
    assertEquals("ERRORED", expected.get("status").asText());
    assertNull(recording.getDownloadUrl());
    assertNull(recording.getAudioDownloadUrl());
    assertNull(recording.getDownloadUrlExpiry());
    assertNull(recording.getFileSize());
    assertNull(recording.getStoppedTime());
    ExampleAssertions.assertDateTime(expected.get("started_time"), recording.getStartedTime());
  }

  @Test
  void decodesTheMeetingsRecordingConfigAndTranscribeOnEnd() {
    Meeting meeting = firstRecording().getMeeting();
    JsonNode expected = example.at("/data/0/meeting");
    JsonNode config = expected.get("recording_config");

    assertEquals(expected.get("transcribe_on_end").asBoolean(), meeting.getTranscribeOnEnd());
    assertTrue(meeting.getTranscribeOnEnd());
    RecordingConfig actual = meeting.getRecordingConfig();
    assertEquals(config.get("file_name_prefix").asText(), actual.getFileNamePrefix());
    assertEquals(config.get("max_seconds").asInt(), actual.getMaxSeconds());

    assertSame(AudioChannel.STEREO, actual.getAudioConfig().getChannel());
    assertSame(AudioCodec.AAC, actual.getAudioConfig().getCodec());
    assertEquals(config.at("/audio_config/export_file").asBoolean(), actual.getAudioConfig().getExportFile());

    assertEquals(URI.create(config.at("/live_streaming_config/rtmp_url").asText()),
        actual.getLiveStreamingConfig().getRtmpUrl());
    assertEquals(config.at("/realtimekit_bucket_config/enabled").asBoolean(),
        actual.getRealtimekitBucketConfig().getEnabled());

    assertSame(StorageType.SFTP, actual.getStorageConfig().getType());
    assertSame(StorageAuthMethod.PASSWORD, actual.getStorageConfig().getAuthMethod());
    assertEquals(config.at("/storage_config/port").asInt(), actual.getStorageConfig().getPort());
    assertEquals(config.at("/storage_config/password").asText(), actual.getStorageConfig().getPassword());

    assertSame(VideoCodec.H264, actual.getVideoConfig().getCodec());
    assertEquals(config.at("/video_config/height").asInt(), actual.getVideoConfig().getHeight());
    assertEquals(config.at("/video_config/width").asInt(), actual.getVideoConfig().getWidth());
    assertSame(WatermarkPosition.LEFT_TOP, actual.getVideoConfig().getWatermark().getPosition());
    assertEquals("left top", actual.getVideoConfig().getWatermark().getPosition().value());
    assertEquals(config.at("/video_config/watermark/size/height").asInt(),
        actual.getVideoConfig().getWatermark().getSize().getHeight());
    assertEquals(config.at("/video_config/watermark/size/width").asInt(),
        actual.getVideoConfig().getWatermark().getSize().getWidth());
    assertEquals(URI.create(config.at("/video_config/watermark/url").asText()),
        actual.getVideoConfig().getWatermark().getUrl());
  }

  @Test
  void encodesBackToTheExampleLessItsNulls() {
    // The client's mapper leaves null fields out when it writes; the example sends them as null.
    ObjectNode expected = example.deepCopy();
    removeNulls(expected);

    ExampleAssertions.assertRoundTrip(expected, client.api().listRecordings(
        Fixtures.ACCOUNT, Fixtures.APP, ListRecordingsQuery.none()));
  }

  @Test
  void satisfiesTheSpecsConstraints() {
    ExampleAssertions.assertValid(client.api().listRecordings(Fixtures.ACCOUNT, Fixtures.APP, ListRecordingsQuery.none()));
  }

  @Test
  void masksTheRecordingConfigsStorageSecretInToString() {
    Recording recording = firstRecording();
    String password = example.at("/data/0/meeting/recording_config/storage_config/password").asText();

    String text = recording.toString();
    assertFalse(text.contains(password), text);
    assertTrue(recording.getMeeting().getRecordingConfig().getStorageConfig().toString().contains("***"));
  }

  private static void removeNulls(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isNull()) {
          it.remove();
        } else {
          removeNulls(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(RecordingConfigContractTest::removeNulls);
    }
  }
}
