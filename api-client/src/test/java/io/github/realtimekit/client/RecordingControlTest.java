package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The methods the spec's extensions add: an action per method, and "none" as an empty result. */
class RecordingControlTest {

  static final String RECORDING = "{\"id\": \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\", \"audio_download_url\": null, "
      + "\"download_url\": null, \"download_url_expiry\": null, \"file_size\": null, "
      + "\"invoked_time\": \"2026-06-30T09:15:02.481Z\", \"output_file_name\": \"x.mp4\", \"session_id\": null, "
      + "\"started_time\": null, \"status\": \"%s\", \"stopped_time\": null}";

  static RealtimeKitClient clientOf(LoopbackServer server) {
    return RealtimeKitClient.builder().apiToken("token-for-control").accountId("acc").appId("app")
        .baseUrl(server.baseUrl()).maxRetries(0).build();
  }

  static LoopbackServer answering(int status, Function<RecordedRequest, String> body) {
    return LoopbackServer.http((request, exchange) -> {
      byte[] bytes = body.apply(request).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }

  @Test
  void eachActionIsAMethodThatSendsItsBody() {
    UUID id = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    try (LoopbackServer server = answering(200, r -> "{\"success\": true, \"data\": " + String.format(RECORDING,
            r.body().length > 0 && new String(r.body(), StandardCharsets.UTF_8).contains("pause") ? "PAUSED" : "RECORDING") + "}");
        RealtimeKitClient client = clientOf(server)) {
      assertEquals(RecordingStatus.PAUSED, client.pauseRecording(id).getStatus());
      assertRequest(server.lastRequest(), id, "pause");
      client.resumeRecording(id);
      assertRequest(server.lastRequest(), id, "resume");
      assertEquals(200, client.stopRecordingWithResponse(id).getStatusCode());
      assertRequest(server.lastRequest(), id, "stop");
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> client.stopRecording(null));
      assertTrue(e.getMessage().contains("recordingId"), e.getMessage());
    }
  }

  private static void assertRequest(RecordedRequest request, UUID id, String action) {
    assertEquals("PUT", request.method());
    assertEquals("/client/v4/accounts/acc/realtime/kit/app/recordings/" + id, request.path());
    assertEquals("{\"action\":\"" + action + "\"}", new String(request.body(), StandardCharsets.UTF_8));
  }

  @Test
  void aMeetingWithNoActiveRecordingIsAnEmptyResult() {
    try (LoopbackServer server = answering(404,
            r -> "{\"success\": false, \"error\": {\"code\": 404, \"message\": \"No active recording found for the meeting\"}}");
        RealtimeKitClient client = clientOf(server)) {
      assertEquals(Optional.empty(), client.getActiveRecording("m-1"));
      assertEquals("/client/v4/accounts/acc/realtime/kit/app/recordings/active-recording/m-1",
          server.lastRequest().path());
    }
  }

  @Test
  void anActiveRecordingIsThere() {
    try (LoopbackServer server = answering(200, r -> "{\"success\": true, \"data\": " + String.format(RECORDING, "RECORDING") + "}");
        RealtimeKitClient client = clientOf(server)) {
      Recording active = client.getActiveRecording("m-1").orElseThrow();
      assertEquals(RecordingStatus.RECORDING, active.getStatus());
    }
  }

  @Test
  void anyOtherFailureIsNoEmptyResult() {
    AtomicInteger calls = new AtomicInteger();
    try (LoopbackServer server = answering(401, r -> {
          calls.incrementAndGet();
          return "{\"success\": false, \"errors\": [{\"code\": 10000, \"message\": \"Authentication error\"}]}";
        });
        RealtimeKitClient client = clientOf(server)) {
      assertThrows(UnauthorizedException.class, () -> client.getActiveRecording("m-1"));
      assertEquals(1, calls.get());
    }
  }
}
