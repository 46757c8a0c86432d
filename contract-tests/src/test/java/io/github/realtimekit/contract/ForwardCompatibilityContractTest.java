package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.LIST_PATH;
import static io.github.realtimekit.contract.Fixtures.ONE_PATH;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseValidationException;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.StorageType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses from a newer API than the spec, and fields the schema allows to be null. */
class ForwardCompatibilityContractTest {

  @RegisterExtension
  static WireMockExtension server = Fixtures.serverForOffSpecResponses();

  private Recording serveAndGet(ObjectNode body, RealtimeKitClient client) {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(okJson(body.toString())));
    return client.getRecording(RECORDING);
  }

  @Test
  void unknownEnumValuesDecodeAndKeepTheirRawText() {
    ObjectNode body = Fixtures.oneRecording(data -> {
      data.put("status", "TRANSCODING");
      ((ObjectNode) data.get("storage_config")).put("type", "r2").put("auth_method", "CERTIFICATE");
      ((ObjectNode) data.get("start_reason")).put("reason", "SCHEDULED");
      ((ObjectNode) data.get("stop_reason")).put("reason", "TIME_LIMIT");
      ((ObjectNode) data.get("stop_reason").get("caller")).put("type", "BOT");
    });

    Recording r = serveAndGet(body, Fixtures.client(server).build());

    assertEquals("TRANSCODING", r.getStatus().value());
    assertFalse(r.getStatus().isKnown());
    assertEquals(Optional.empty(), r.getStatus().known());
    assertEquals(RecordingStatus.of("TRANSCODING"), r.getStatus());
    assertEquals("r2", r.getStorageConfig().getType().value());
    assertEquals("CERTIFICATE", r.getStorageConfig().getAuthMethod().value());
    assertEquals("SCHEDULED", r.getStartReason().getReason().value());
    assertEquals("TIME_LIMIT", r.getStopReason().getReason().value());
    assertEquals("BOT", r.getStopReason().getCaller().getType().value());
    ExampleAssertions.assertRoundTrip(body.get("data"), r);
  }

  @Test
  void knownValuesAreTheConstants() {
    Recording r = serveAndGet(Fixtures.oneRecording(data -> { }), Fixtures.client(server).build());

    assertSame(RecordingStatus.INVOKED, r.getStatus());
    assertSame(StorageType.AWS, r.getStorageConfig().getType());
    assertEquals(Optional.of(RecordingStatus.Known.INVOKED), r.getStatus().known());
    assertEquals(6, RecordingStatus.knownValues().size());
  }

  @Test
  void unknownFieldsAreKeptAndWrittenBackOut() {
    ObjectNode body = Fixtures.oneRecording(data -> {
      data.put("transcoding_progress", 42);
      data.putObject("watermark").put("url", "https://example.com/w.png");
      ((ObjectNode) data.get("storage_config")).put("encryption", "aes256");
    });
    body.put("request_id", "abc");

    Recording r = serveAndGet(body, Fixtures.client(server).build());

    assertEquals(RECORDING, r.getId());
    assertEquals(42, r.getAdditionalProperties().get("transcoding_progress").asInt());
    assertEquals("https://example.com/w.png", r.getAdditionalProperties().get("watermark").get("url").asText());
    assertEquals("aes256", r.getStorageConfig().getAdditionalProperties().get("encryption").asText());
    ExampleAssertions.assertRoundTrip(body.get("data"), r.toBuilder().build());
  }

  @Test
  void everyNullableFieldDecodesFromNullInStrictMode() {
    ObjectNode body = Fixtures.oneRecording(data -> {
      for (String field : List.of("download_url", "audio_download_url", "download_url_expiry", "file_size",
          "session_id", "started_time", "stopped_time", "storage_config")) {
        data.putNull(field);
      }
      data.put("status", "RECORDING");
    });

    Recording r = serveAndGet(body, Fixtures.client(server).build());

    assertEquals(RecordingStatus.RECORDING, r.getStatus());
    assertNull(r.getDownloadUrl());
    assertNull(r.getAudioDownloadUrl());
    assertNull(r.getDownloadUrlExpiry());
    assertNull(r.getFileSize());
    assertNull(r.getSessionId());
    assertNull(r.getStartedTime());
    assertNull(r.getStoppedTime());
    assertNull(r.getStorageConfig());
  }

  @ParameterizedTest(name = "a recording without {0} fails to decode, naming it, in lenient mode too")
  @ValueSource(strings = {"id", "status", "invoked_time", "output_file_name"})
  void aMissingRequiredFieldFailsDecodingNamingIt(String field) {
    ObjectNode body = Fixtures.oneRecording(data -> data.remove(field));

    for (boolean strict : List.of(true, false)) {
      ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
          () -> serveAndGet(body, Fixtures.client(server).strictResponses(strict).build()));

      assertTrue(e.getMessage().endsWith("Recording." + field + " is required"), e.getMessage());
      assertTrue(e.getMessage().contains("getRecording"), e.getMessage());
      assertEquals(200, e.getStatusCode());
    }
  }

  @Test
  void aRequiredFieldSentAsNullFailsDecodingNamingIt() {
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(
        SpecExamples.exampleJson("GetAllRecordings").replace("\"total_count\":30", "\"total_count\":null"))));

    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> Fixtures.client(server).build().listRecordingsPage(ListRecordingsQuery.none()));

    assertTrue(e.getMessage().endsWith("Paging.total_count is required"), e.getMessage());
  }

  @Test
  void strictModeRefusesAValueOutOfRange() {
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(
        SpecExamples.exampleJson("GetAllRecordings").replace("\"session_keep_alive_time_in_secs\":60",
            "\"session_keep_alive_time_in_secs\":5"))));

    ResponseValidationException e = assertThrows(ResponseValidationException.class,
        () -> Fixtures.client(server).build().listRecordingsPage(ListRecordingsQuery.none()));

    assertEquals(List.of("data[0].meeting.sessionKeepAliveTimeInSecs must be greater than or equal to 60 (was 5)"),
        e.getViolations());
    assertTrue(e.getMessage().startsWith("Response of listRecordings breaks the spec: "), e.getMessage());
  }

  @Test
  void lenientModeDecodesWhatStrictModeRefuses() {
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(
        SpecExamples.exampleJson("GetAllRecordings").replace("\"session_keep_alive_time_in_secs\":60",
            "\"session_keep_alive_time_in_secs\":5"))));

    Page<Recording> page = Fixtures.client(server).strictResponses(false).build()
        .listRecordingsPage(ListRecordingsQuery.none());

    assertEquals(5, page.getItems().get(0).getMeeting().getSessionKeepAliveTimeInSecs());
  }
}
